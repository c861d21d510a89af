import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { partnersPerYear } from '../../src/lib/data/queries/home';
import { openSampleDb } from '../unit/sample-db';
import { startSite, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
let expected: { known: number; unknown: number; first: number; last: number };
beforeAll(async () => {
  site = await startSite();
  // The marks the chart must draw, from the same query on the same engine in Node.
  const db = await openSampleDb();
  const rows = await partnersPerYear(db, { countEu: true });
  db.close();
  expected = {
    known: rows.filter((r) => r.known > 0).length,
    unknown: rows.filter((r) => r.yearUnknown > 0).length,
    first: rows[0]!.known + rows[0]!.yearUnknown,
    last: rows.at(-1)!.known + rows.at(-1)!.yearUnknown
  };
});
afterAll(() => site.close());

describe('the home page on the production build', () => {
  test('draws the partners chart from DuckDB, quietly, within its own origin', async () => {
    const w = await watchedPage(site);
    await w.page.goto(site.url);
    expect(await waitForData(w.page)).toBe('ready');

    const chart = w.page.getByRole('img', { name: 'Bar chart: GP partners per year' });
    await expect.poll(() => chart.locator('g.bars-known rect').count()).toBe(expected.known);
    expect(await chart.locator('g.bars-year-unknown rect').count()).toBe(expected.unknown);
    await expect
      .poll(() => w.page.getByRole('heading', { level: 2 }).first().textContent())
      .toContain(`from ${expected.first} in 2002 to ${expected.last} in`);

    // The data summary and the sources, with illustrative data marked.
    await expect.poll(() => w.page.getByText('Includes illustrative data').count()).toBeGreaterThan(0);
    expect(await w.page.getByRole('heading', { name: 'Sources' }).count()).toBe(1);
    expect(await w.page.locator('.badge.seed').count()).toBeGreaterThanOrEqual(2);

    // The engine came from this origin: the wasm request was seen (so workers are watched) and nothing left.
    expect(w.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await w.context.close();
  });

  test('the table alternative shows the same numbers as the chart', async () => {
    const w = await watchedPage(site);
    await w.page.goto(site.url);
    await waitForData(w.page);
    const card = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: /GP partners per year/ })
    });
    await card.getByRole('button', { name: 'Show table' }).click();
    const table = card.getByRole('table', { name: 'GP partners per year' });
    expect(await table.locator('tbody tr').count()).toBe(expected.known);
    expect(await table.locator('tbody tr').last().locator('td').last().textContent()).toBe(
      String(expected.last)
    );
    await w.context.close();
  });

  test('every page carries a Content Security Policy that keeps it to its own origin', async () => {
    const w = await watchedPage(site);
    for (const path of ['/', '/attendance', '/funding', '/expansion']) {
      await w.page.goto(site.url + path);
      const csp = await w.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    }
    await w.context.close();
  });

  test('a corrupt bundled file gives a clear error, not a blank page', async () => {
    const w = await watchedPage(site);
    await w.page.route('**/data/meetings.parquet', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/octet-stream',
        body: 'PAR1 this is not parquet'
      })
    );
    await w.page.goto(site.url);
    expect(await waitForData(w.page)).toBe('failed');
    const alert = w.page.getByRole('alert');
    expect(await alert.getByRole('heading').textContent()).toBe('The dashboard could not load its data');
    expect(await alert.textContent()).toMatch(/meetings\.parquet: not a readable Parquet file/);
    await w.context.close();
  });

  test('a missing bundled file names the file and the HTTP status', async () => {
    const w = await watchedPage(site);
    await w.page.route('**/data/needs.parquet', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await w.page.goto(site.url);
    expect(await waitForData(w.page)).toBe('failed');
    expect(await w.page.getByRole('alert').textContent()).toContain(
      'needs.parquet could not be fetched (HTTP 404)'
    );
    await w.context.close();
  });
});
