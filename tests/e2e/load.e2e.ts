/**
 * Loading your own extracts in Chromium, through the real file input and by drag-and-drop: a good file changes
 * the views, a bad one is refused with its file, column and row named and leaves the views as they were, the
 * data panel says where each table comes from, and a large file loads while the page keeps drawing frames.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { seriousViolations } from './axe';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const EXAMPLE = 'data/examples/contributions.csv';
const BAD = 'tests/fixtures/user-files/wrong-type/contributions.csv';

async function openFunding() {
  const watched = await watchedPage(site);
  await watched.page.goto(`${site.url}/funding`);
  expect(await waitForData(watched.page)).toBe('ready');
  await waitForCharts(watched.page, 4);
  return watched;
}

const yearAxis = (page: Page) => page.locator('section#by-year .plot svg').textContent();
const status = (page: Page) => page.locator('header [role="status"]').first().textContent();

describe('loading your own extracts', () => {
  it('a ZSTD Parquet and a French Excel CSV (semicolons, decimal commas, Windows-1252) load through the file input', async () => {
    const { page, context } = await openFunding();
    await page.getByTestId('load-input').setInputFiles('tests/fixtures/parquet/contributions-zstd.parquet');
    await expect
      .poll(() => page.getByRole('status', { name: 'Load result' }).textContent())
      .toContain('contributions-zstd.parquet → contributions');
    expect(await yearAxis(page)).not.toContain('2026');

    await page
      .getByTestId('load-input')
      .setInputFiles('tests/fixtures/user-files/excel-fr/contributions.csv');
    const report = page.getByRole('status', { name: 'Load result' });
    await expect.poll(() => report.textContent()).toContain('contributions.csv → contributions');
    expect(await report.textContent()).toContain('was read as Windows-1252');
    // Its 2026 row (2 500 000 in French digits) is now in the funding per year chart.
    await expect.poll(() => yearAxis(page)).toContain('2026');
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    const row = page.locator('tr', { has: page.locator('th code', { hasText: /^contributions$/ }) });
    await expect.poll(() => row.textContent()).toContain('62');
    await context.close();
  });

  it('a good file through the file input replaces its table, and the views redraw from it', async () => {
    const { page, context, requests } = await openFunding();
    expect(await yearAxis(page)).not.toContain('2026');
    await page.getByTestId('load-input').setInputFiles(EXAMPLE);
    await expect
      .poll(() => page.getByRole('status', { name: 'Load result' }).textContent())
      .toContain('contributions.csv → contributions');
    expect(await status(page)).toContain('Your data (1 of 9 tables)');
    // The example adds a 2026 pledge: the funding per year chart now reaches 2026.
    await expect.poll(() => yearAxis(page)).toContain('2026');

    await page.getByRole('link', { name: 'Data', exact: true }).click();
    const row = page.locator('tr', { has: page.locator('th code', { hasText: /^contributions$/ }) });
    await expect.poll(() => row.textContent()).toContain('your file contributions.csv');
    // Its rows: the sample's and the one it adds.
    const exampleRows = readFileSync(EXAMPLE, 'utf8').trim().split('\n').length - 1;
    expect(await row.textContent()).toContain(String(exampleRows));
    await page.getByRole('button', { name: 'Reset to sample data' }).click();
    await expect.poll(() => row.textContent()).toContain('bundled sample');
    expect(await status(page)).toContain('Sample data');
    // Nothing was uploaded: every request stayed on the site.
    expect(requests.filter((r) => !r.startsWith(site.url))).toEqual([]);
    await context.close();
  });

  it('a file dropped anywhere on the page loads too', async () => {
    const { page, context } = await openFunding();
    const text = readFileSync(EXAMPLE, 'utf8');
    const transfer = await page.evaluateHandle((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'contributions.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect
      .poll(() => page.getByRole('status', { name: 'Load result' }).textContent(), { timeout: 20_000 })
      .toContain('contributions.csv → contributions');
    await expect.poll(() => yearAxis(page)).toContain('2026');
    expect(await status(page)).toContain('Your data');
    await context.close();
  });

  it('a bad file is refused with its file, column and row, and the views stay as they were', async () => {
    const { page, context } = await openFunding();
    const before = await page.locator('main').innerHTML();
    await page.getByTestId('load-input').setInputFiles(BAD);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Nothing was loaded');
    expect(await alert.textContent()).toContain(
      'contributions.csv, column "amount_usd", row 4: "lots" is not a number (DOUBLE)'
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('main').innerHTML()).toBe(before);
    expect(await status(page)).toContain('Sample data');
    await context.close();
  });

  it('a non-finite amount and an implausible year are refused with their column and row, the views unchanged', async () => {
    const { page, context } = await openFunding();
    const before = await page.locator('main').innerHTML();
    const cases = [
      ['non-finite', 'contributions.csv, column "amount_usd", row 4: "Infinity" is not a finite number'],
      [
        'implausible-year',
        `contributions.csv, column "year", row 4: "99999" is not a plausible year (1990 to ${new Date().getFullYear() + 10})`
      ]
    ];
    for (const [folder, message] of cases) {
      await page
        .getByTestId('load-input')
        .setInputFiles(`tests/fixtures/user-files/${folder}/contributions.csv`);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Nothing was loaded');
      expect(await alert.textContent()).toContain(message);
      await page.getByRole('button', { name: 'Dismiss' }).click();
      expect(await page.locator('main').innerHTML()).toBe(before);
    }
    expect(await status(page)).toContain('Sample data');
    await context.close();
  });

  it('hostile values are shown as text, never as markup', async () => {
    const { page, context, pageErrors } = await openFunding();
    await page.getByTestId('load-input').setInputFiles('tests/fixtures/user-files/hostile/contributions.csv');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('US\\u{202e}A');
    expect(await alert.locator('script, img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a 50 MB contributions file loads with progress in megabytes and rows while the page keeps drawing', async () => {
    const { page, context } = await openFunding();
    const csv = syntheticSampleContributions(450_000);
    expect(csv.length).toBeGreaterThan(48 * 1024 * 1024);
    // Count animation frames during the load (a frozen page draws none), and keep every progress text shown.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number; amounts_: string[] };
      w.frames_ = 0;
      w.amounts_ = [];
      const tick = () => {
        w.frames_++;
        const amounts = document.querySelector('[data-testid="load-amounts"]')?.textContent;
        if (amounts && amounts !== w.amounts_.at(-1)) w.amounts_.push(amounts);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const folder = mkdtempSync(join(tmpdir(), 'gp-large-'));
    const path = join(folder, 'contributions.csv');
    writeFileSync(path, csv);
    await page.getByTestId('load-input').setInputFiles(path);
    await page.locator('header progress').waitFor();
    const framesAtStart = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
    await expect
      .poll(() => page.getByRole('status', { name: 'Load result' }).textContent(), { timeout: 60_000 })
      .toContain('contributions.csv → contributions');
    const frames = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
    expect(frames - framesAtStart).toBeGreaterThan(10);
    // Progress said how much of the file was read, in megabytes and rows, as it went, then the whole.
    const amounts = await page.evaluate(() => (window as unknown as { amounts_: string[] }).amounts_);
    const partway = amounts.filter((a) => /^\d+\.\d of 5\d\.\d MB · [1-9][\d,]* rows$/.test(a));
    expect(partway.length).toBeGreaterThan(2);
    expect(amounts).toContain('52.8 MB · 450,000 rows');
    await context.close();
    rmSync(folder, { recursive: true });
  }, 120_000);
});
