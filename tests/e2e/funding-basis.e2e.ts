/**
 * The funding view in the browser answers from its pre-aggregated basis once it is built, and the basis follows
 * the data: after a file replaces the contributions, every figure is the new data's, under the rules as set.
 * The figures expected come from the same query functions scanning the same rows in Node.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_RULES } from '../../src/lib/data/counting-rules';
import { countedTotal } from '../../src/lib/data/queries/funding';
import { loadUserFiles } from '../../src/lib/data/user-files';
import { formatMoneyFull } from '../../src/lib/format';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { openSampleDb } from '../unit/sample-db';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
const all = { donor: null, area: null, yearFrom: null, yearTo: null };
const noDomestic = { ...DEFAULT_RULES, domestic: false };
const file = join(mkdtempSync(join(tmpdir(), 'gp-basis-')), 'contributions.csv');
const expected = { sample: '', loaded: '' };

beforeAll(async () => {
  site = await startSite();
  const csv = syntheticSampleContributions(3_000);
  writeFileSync(file, csv);
  const db = await openSampleDb();
  expected.sample = formatMoneyFull((await countedTotal(db, noDomestic, all)).amount);
  const loaded = await loadUserFiles(db, [
    { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) }
  ]);
  expect(loaded.ok).toBe(true);
  expected.loaded = formatMoneyFull((await countedTotal(db, noDomestic, all)).amount);
  db.close();
});
afterAll(() => site.close());

const headline = (page: Page) => page.locator('.figures div', { hasText: /^Counted,/ }).locator('.note');
const basisBuilt = (page: Page) => page.evaluate(() => performance.getEntriesByName('gp:basis-ready').length);

test('once built, the basis answers the rules; a loaded file gets its own, and the figures follow it', async () => {
  const { page, context, consoleErrors } = await watchedPage(site);
  await page.goto(`${site.url}/funding`);
  await waitForData(page);
  await waitForCharts(page, 4);
  // Built after the first charts, from the sample.
  await expect.poll(() => basisBuilt(page)).toBe(1);
  await page
    .getByRole('group', { name: 'Domestic spending' })
    .getByRole('radio', { name: /^exclude/ })
    .check();
  await expect.poll(() => headline(page).textContent()).toContain(expected.sample);

  await page.getByTestId('load-input').setInputFiles(file);
  await expect.poll(() => basisBuilt(page)).toBe(2);
  await expect.poll(() => headline(page).textContent()).toContain(expected.loaded);
  expect(expected.loaded).not.toBe(expected.sample);

  // A bar's tooltip names the largest project behind it and counts the rest.
  await page.locator('#by-area g.stage-bars rect').first().hover({ force: true });
  const tips = page.locator('#by-area g[aria-label="tip"]');
  await expect
    .poll(async () => (await tips.allTextContents()).join(' '))
    .toMatch(/Largest: synthetic project \d+; and [\d,]+\s*\u200b?\s*more rows/);
  expect(consoleErrors).toEqual([]);
  await context.close();
});
