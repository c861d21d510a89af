/**
 * Into a report in one move, on the production build: "Copy chart" puts the framed PNG on the clipboard; every
 * export and copied link states the data it was made from (the sample and its date, or the loaded files' names,
 * load time and fingerprint); a link opened on other data says so.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function openWithClipboard(path: string, charts: number) {
  const w = await watchedPage(site);
  await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await w.page.goto(`${site.url}${path}`);
  expect(await waitForData(w.page)).toBe('ready');
  await waitForCharts(w.page, charts);
  return w;
}

describe('charts and data into a report', () => {
  test('"Copy chart" puts the framed chart on the clipboard as a PNG', async () => {
    const w = await openWithClipboard('/funding', 4);
    await w.page.locator('#by-area').getByRole('button', { name: 'Copy chart' }).click();
    await expect
      .poll(() => w.page.locator('#by-area [role="status"]').textContent())
      .toContain('Chart copied');
    const copied = await w.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const bytes = new Uint8Array(await (await item!.getType('image/png')).arrayBuffer());
      return { types: item!.types, head: [...bytes.slice(0, 8)], size: bytes.length };
    });
    expect(copied.types).toContain('image/png');
    expect(copied.head).toEqual(PNG);
    expect(copied.size).toBeGreaterThan(10_000);
    await w.context.close();
  });

  test('after loading a file, an export and a copied link name that data; the link opened on the sample says so', async () => {
    const w = await openWithClipboard('/data', 0);
    await w.page.getByTestId('load-input').setInputFiles('data/examples/contributions.csv');
    await w.page.getByRole('status', { name: 'Load result' }).waitFor();
    // The loaded data stays in this tab: go to the funding view by its link.
    await w.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Funding' }).click();
    await waitForCharts(w.page, 4);
    const card = w.page.locator('#by-area');
    await card.locator('summary', { hasText: 'Export' }).click();
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      card.getByRole('button', { name: 'CSV data (the rows shown)' }).click()
    ]);
    const path = join(tmpdir(), `gp-provenance-${process.pid}.csv`);
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toContain('data');
    expect(csv).toMatch(
      /your files contributions\.csv \(loaded \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, with the bundled sample of \d{4}-\d{2}-\d{2} for the other tables; data [0-9a-f]{8}\)/
    );

    await card.locator('summary', { hasText: 'Export' }).click();
    await card.getByRole('button', { name: 'Copy link to this view' }).click();
    const copiedLink = () => w.page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(copiedLink).toMatch(/[?&]data=[0-9a-f]{8}#by-area$/);
    const link = await copiedLink();

    // Opened in a fresh tab, on the sample: the figures are not those of the link, and the page says so.
    const other = await watchedPage(site);
    await other.page.goto(link);
    await waitForData(other.page);
    await expect
      .poll(() => other.page.getByText('This link was made on other data').textContent())
      .toMatch(/the figures here are from the bundled sample of \d{4}-\d{2}-\d{2}/);
    await other.context.close();
    await w.context.close();
  });
});
