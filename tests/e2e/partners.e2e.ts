/**
 * A page per participant on the production build: its membership (a year no source gives said so), every GPWG
 * meeting of its membership years as attended, not listed or not recorded, its money under the counting rules.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openWatched,
  startSite,
  waitForCharts,
  waitForData,
  watchedPage,
  type Site
} from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const open = (path: string) => openWatched(site, path, '#meetings');

const presence = (rows: string[], city: string) => rows.find((r) => r.startsWith(city));

describe('a page per participant', () => {
  test("/partners/CAN: Canada's join year, its meetings attended or not recorded, its counted money", async () => {
    const w = await open('/partners/CAN');
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Canada');
    expect(await w.page.locator('#membership').textContent()).toContain('partner from 2002');
    const rows = await w.page
      .locator('#meetings tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).join(' | ')));
    expect(presence(rows, 'Paris, 10 Oct 2011')).toContain('attended');
    expect(presence(rows, 'Miami, 17–18 Apr 2012')).toContain('attended');
    expect(presence(rows, 'Vancouver, Oct 2010')).toContain('not recorded');
    await waitForCharts(w.page, 1);
    expect(await w.page.locator('#contributions').textContent()).toContain('disbursed');
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    await w.context.close();
  });

  test('a participant whose join year no source gives says so', async () => {
    const w = await open('/partners/CHL');
    await expect
      .poll(() => w.page.locator('#membership').textContent())
      .toContain('the year it began is not recorded; a source confirms it by 2020');
    await w.context.close();
  });

  test('a participant only in loaded files has a working page, opened from its selection chip', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/funding`);
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    const entities =
      readFileSync('data/entities.csv', 'utf8').trimEnd() +
      '\nXKT,Testland,state,Europe,Southern Europe,un-m49\n';
    const contributions =
      'contribution_id,donor_id,recipient_id,priority_area,year,period_end_year,stage,amount_usd,channel,in_kind,project,source_id\n' +
      'xkt-1,XKT,,biological_security,2015,,disbursed,2500000,bilateral,false,Testland lab,illustrative-sample\n';
    await w.page.getByTestId('load-input').setInputFiles([
      { name: 'entities.csv', mimeType: 'text/csv', buffer: Buffer.from(entities) },
      { name: 'contributions.csv', mimeType: 'text/csv', buffer: Buffer.from(contributions) }
    ]);
    await expect
      .poll(() => w.page.getByRole('status', { name: 'Load result' }).textContent())
      .toContain('entities.csv → entities');
    await w.page.getByRole('combobox', { name: /^Partner/ }).selectOption('XKT');
    await w.page.getByRole('link', { name: "Open Testland's page" }).click();
    await expect.poll(() => w.page.url()).toContain('/partners/XKT');
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Testland');
    await waitForCharts(w.page, 1);
    expect(await w.page.locator('#contributions').textContent()).toContain('Biological security');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  test('a page the build did not prerender is served by the fallback page and says what it can', async () => {
    const w = await open('/partners/ZZZ');
    await expect
      .poll(() => w.page.getByRole('alert').first().textContent())
      .toContain('No participant "ZZZ"');
    await w.context.close();
  });

  test('/partners/compare: participants side by side, in the URL, each linked to its page', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/partners/compare?ids=CAN,MEX`);
    await waitForData(w.page);
    const table = w.page.locator('#comparison table');
    await table.waitFor();
    const header = await table.locator('thead th').allTextContents();
    expect(header).toEqual(['Measure', 'Canada', 'Mexico']);
    const row = (label: RegExp) =>
      table.locator('tbody tr', { has: w.page.locator('th', { hasText: label }) });
    expect(await row(/^Membership$/).textContent()).toContain('partner from 2002');
    expect(await row(/^Membership$/).textContent()).toContain('partner from 2012');
    expect(await row(/^GPWG meetings/).textContent()).toContain('2 of 2 meetings with a participant list');
    // A third, chosen on the page, goes to the URL.
    await w.page.getByRole('combobox', { name: 'Add a participant' }).selectOption('FRA');
    await expect.poll(() => w.page.url()).toContain('ids=CAN%2CMEX%2CFRA');
    await expect.poll(() => table.locator('thead th').allTextContents()).toContain('France');
    await table.getByRole('link', { name: 'Mexico' }).click();
    await expect.poll(() => w.page.url()).toContain('/partners/MEX');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  test("names lead to their pages: an axis label, a table's name, the tooltip says how", async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/funding`);
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    const bar = w.page.locator('#by-partner svg g.counted-stage a[data-select-key="CAN"]');
    await bar.hover();
    const tip = w.page.locator('#by-partner svg g[aria-label="tip"]');
    // Each stage's bars have their own tooltip; the one hovered holds the words.
    await expect.poll(async () => (await tip.allTextContents()).join(' ')).toContain("Open Canada's page");
    await w.page
      .locator('#by-partner svg g[aria-label="fy-axis tick label"] a', { hasText: 'Canada' })
      .click();
    await expect.poll(() => w.page.url()).toMatch(/\/partners\/CAN$/);
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Canada');

    // The attendance matrix's table and the expansion view's list of states on the way.
    await w.page.goto(`${site.url}/attendance`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    await w.page.locator('#matrix').getByRole('button', { name: 'Show table' }).click();
    await w.page.locator('#matrix').getByRole('link', { name: 'Mexico' }).click();
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Mexico');
    await w.page.goto(`${site.url}/expansion`);
    await waitForData(w.page);
    const onTheWay = w.page.locator('.on-the-way tbody a').first();
    const name = (await onTheWay.textContent())!;
    await onTheWay.click();
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
