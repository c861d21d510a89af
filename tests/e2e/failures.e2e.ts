/**
 * A query that fails shows its failure in its card, in words, with a way to try again, on every view. The
 * failure is made through the Db port's test hook (`__gpFailQueries`, a pattern of SQL text), set before the
 * page loads; clearing it and pressing "Try again" draws the chart.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const cases = [
  { path: '/', card: 'partners', title: 'GP partners per year', sql: 'partner_periods' },
  {
    path: '/attendance',
    card: 'attendance',
    title: 'GPWG attendance per meeting, by kind of participant',
    sql: 'grp AS "group"'
  },
  {
    path: '/funding',
    card: 'by-area',
    title: 'Funding against needs, by priority area',
    sql: 'AS area, stage'
  },
  {
    path: '/expansion',
    card: 'partners-over-time',
    title: 'Partners per year, by region',
    sql: 'AS "yearUnknown"'
  }
];

/** The hook reads a pattern: the SQL text, escaped. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a failed query, on each view', () => {
  for (const c of cases) {
    test(`${c.path}: "${c.title}" says why it is missing, and "Try again" draws it`, async () => {
      const w = await watchedPage(site);
      await w.context.addInitScript((pattern) => {
        (window as unknown as { __gpFailQueries?: string }).__gpFailQueries = pattern;
      }, escaped(c.sql));
      await w.page.goto(site.url + c.path);
      await waitForData(w.page);

      const failed = w.page.getByRole('region', { name: c.title });
      await expect
        .poll(() => failed.getByRole('alert').textContent())
        .toBe(`This could not be computed: a test made this query fail (${escaped(c.sql)})`);
      expect(await w.page.locator(`section#${c.card}`).count()).toBe(0);

      await w.page.evaluate(() => delete (window as unknown as { __gpFailQueries?: string }).__gpFailQueries);
      await failed.getByRole('button', { name: 'Try again' }).click();
      await w.page.locator(`section#${c.card} .plot svg`).waitFor();
      expect(await w.page.getByRole('region', { name: c.title }).getByRole('alert').count()).toBe(0);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }
});
