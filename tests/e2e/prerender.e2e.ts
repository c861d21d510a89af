/**
 * The first paint does not wait for the engine: each view's HTML, fetched with scripts disabled, already holds
 * its charts, drawn at build time by the same query and chart functions from the bundled sample; the live chart
 * then replaces each one with the same data.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

/** Per chart: its text (axes, labels, tooltips: they carry the data) and how many marks it draws. */
const chartContents = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.plot svg')].map((svg) => ({
      text: svg.textContent,
      marks: svg.querySelectorAll('rect, path, circle, line').length
    }))
  );

describe.each([
  ['/', 1],
  ['/attendance', 2],
  ['/funding', 4],
  ['/expansion', 1]
])('%s', (path, prerendered) => {
  it(`holds ${prerendered} drawn chart(s) before any script runs, and the live charts show the same data`, async () => {
    const context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1440, height: 1000 }
    });
    const still = await context.newPage();
    await still.goto(site.url + path);
    const before = await chartContents(still);
    expect(before).toHaveLength(prerendered);
    for (const chart of before) expect(chart.marks).toBeGreaterThan(0);
    await context.close();

    const { page, context: live } = await watchedPage(site);
    await page.goto(site.url + path);
    expect(await waitForData(page)).toBe('ready');
    await waitForCharts(page, prerendered);
    // Each chart was drawn again in the page (a mark per drawing) after the engine answered.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const ready = performance.getEntriesByName('gp:data-ready')[0]!.startTime;
          return performance.getEntriesByName('gp:chart').filter((m) => m.startTime > ready).length;
        })
      )
      .toBeGreaterThanOrEqual(prerendered);
    expect((await chartContents(page)).slice(0, prerendered)).toEqual(before);
    await live.close();
  });
});

it('controls that need the engine say so while it starts', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + '/funding');
  expect(await page.locator('section.rules fieldset[disabled]').count()).toBe(1);
  expect(await page.locator('section.rules').textContent()).toContain('Starting the in-browser database');
  await context.close();
});
