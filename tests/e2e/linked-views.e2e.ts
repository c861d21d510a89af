/**
 * Linked views on the production build: a click on a mark selects it, the chart clicked in keeps every mark and
 * shows the selected one, the other charts follow; the selection is the filter of the same field, in the URL,
 * survives a reload, shows as a chip, and Escape or the chip clears it; the keyboard does the same.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

/** The marks a keyboard stops on in a chart: one per category, each named with its amount. */
const stops = (page: Page, card: string) =>
  page
    .locator(`#${card} svg a:not([tabindex="-1"]) [aria-label]`)
    .evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label')));
const partnerBar = (page: Page, id: string) =>
  page.locator(`#by-partner svg g.counted-stage a[data-select-key="${id}"]`);
const chips = (page: Page) => page.getByRole('list', { name: 'Selected' }).locator('li');

describe('linked views on /funding', () => {
  test("a partner's bar selects it: the ranking keeps everyone, the other charts follow, the URL keeps it", async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/funding`);
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    const partners = await stops(w.page, 'by-partner');
    const areas = await stops(w.page, 'by-area');
    // The largest partner at the counted stage (its bar is the first, and the widest).
    const first = w.page.locator('#by-partner svg g.counted-stage a').first();
    const id = (await first.getAttribute('data-select-key'))!;
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await expect.poll(() => w.page.url()).toContain(`donor=${id}`);
    // The page stays where the reader was (a link would scroll to the top): the chart clicked in is on screen.
    const onScreen = await w.page.locator('#by-partner svg').evaluate((svg) => {
      const r = svg.getBoundingClientRect();
      return scrollY > 0 && r.bottom > 0 && r.top < innerHeight;
    });
    expect(onScreen).toBe(true);
    // The other charts follow: the areas now count that partner's money alone.
    await expect.poll(() => stops(w.page, 'by-area')).not.toEqual(areas);
    // The ranking keeps every partner, the selected one in full, the others faded.
    await expect.poll(() => stops(w.page, 'by-partner')).toHaveLength(partners.length);
    const faded = await w.page
      .locator(`#by-partner svg g.counted-stage a:not([data-select-key="${id}"]) rect`)
      .first()
      .getAttribute('fill-opacity');
    expect(Number(faded)).toBeLessThan(0.5);
    const chipTexts = await chips(w.page).allTextContents();
    expect(chipTexts).toHaveLength(1);
    expect(chipTexts[0]).toMatch(/^\s*Partner: \S/);
    expect(await w.page.getByRole('combobox', { name: /^Partner/ }).inputValue()).toBe(id);

    await w.page.reload();
    await waitForData(w.page);
    await expect.poll(() => chips(w.page).count()).toBe(1);
    await expect.poll(() => stops(w.page, 'by-partner')).toHaveLength(partners.length);

    // Escape clears it, and the areas count everyone again.
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.url()).not.toContain('donor=');
    await expect.poll(() => chips(w.page).count()).toBe(0);
    await expect.poll(() => stops(w.page, 'by-area')).toEqual(areas);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  test('the same by keyboard: a bar is a link, Enter selects, the chip clears, and it is announced', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/funding`);
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    await partnerBar(w.page, 'CAN').focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.url()).toContain('donor=CAN');
    await expect
      .poll(() => w.page.locator('[aria-live="polite"]', { hasText: 'Selected:' }).textContent())
      .toContain('Partner: Canada');
    // Enter on the selected bar clears it; selecting an area adds a second chip.
    const area = w.page.locator('#by-area svg g.counted-stage a').first();
    await area.focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => chips(w.page).count()).toBe(2);
    await chips(w.page).first().getByRole('button').click();
    await expect.poll(() => w.page.url()).not.toContain('donor=');
    await expect.poll(() => chips(w.page).count()).toBe(1);
    await w.context.close();
  });
});

describe('years on /funding', () => {
  const column = (page: Page, year: number) =>
    page.locator(`#by-year svg g.year-columns a[data-select-key="${year}"]`);
  const years = (page: Page) =>
    page
      .locator('#by-year svg g.year-columns a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-select-key')));

  test("a year's column selects that year, a drag across years the range; the per-year chart keeps every year", async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/funding`);
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    const every = await years(w.page);
    const partners = await stops(w.page, 'by-partner');
    await column(w.page, 2011).click();
    await expect.poll(() => w.page.url()).toMatch(/from=2011&to=2011/);
    await expect.poll(() => stops(w.page, 'by-partner')).not.toEqual(partners);
    expect(await years(w.page)).toEqual(every);
    expect(await chips(w.page).allTextContents()).toEqual([expect.stringMatching(/Years: 2011–2011/)]);
    expect(await w.page.getByRole('combobox', { name: 'From' }).inputValue()).toBe('2011');

    // A drag from 2004 to 2008 selects the five years, whichever way it goes.
    const at = async (year: number) => {
      const box = (await column(w.page, year).boundingBox())!;
      return [box.x + box.width / 2, box.y + box.height / 2] as const;
    };
    await w.page.mouse.move(...(await at(2008)));
    await w.page.mouse.down();
    await w.page.mouse.move(...(await at(2006)), { steps: 4 });
    await w.page.mouse.move(...(await at(2004)), { steps: 4 });
    await w.page.mouse.up();
    await expect.poll(() => w.page.url()).toMatch(/from=2004&to=2008/);
    await expect.poll(() => w.page.locator('#by-year svg g.selected-years rect').count()).toBe(5);
    expect(await years(w.page)).toEqual(every);

    // By keyboard: Enter on a year selects it alone; Escape clears.
    await column(w.page, 2005).focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.url()).toMatch(/from=2005&to=2005/);
    // The focus stays on that year in the redrawn chart.
    await expect
      .poll(() => w.page.evaluate(() => document.activeElement?.getAttribute('data-select-key')))
      .toBe('2005');
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.url()).not.toContain('from=');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});

describe('linked views on /attendance', () => {
  test("a meeting's bar selects it: the matrix shows its participants alone, with every meeting they came to", async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    const matrixRows = async () => {
      const card = w.page.locator('#matrix');
      if ((await card.getByRole('button', { name: 'Show table' }).count()) > 0)
        await card.getByRole('button', { name: 'Show table' }).click();
      return card.locator('tbody tr').count();
    };
    const everyone = await matrixRows();
    const paris = w.page.locator('#attendance svg g.attendance a[data-select-key="2011-10-paris"]').first();
    await paris.click();
    await expect.poll(() => w.page.url()).toContain('meeting=2011-10-paris');
    // The Paris list: 18 states, the EU and the 1540 Committee's experts.
    await expect.poll(matrixRows).toBe(20);
    expect(everyone).toBeGreaterThan(20);
    expect(await chips(w.page).allTextContents()).toEqual([
      expect.stringMatching(/Meeting: Paris, 10 Oct 2011/)
    ]);
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.url()).not.toContain('meeting=');
    await expect.poll(matrixRows).toBe(everyone);
    await w.context.close();
  });
});

describe('linked views on /expansion', () => {
  test('a state on the map selects it; its chip opens its page', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/expansion`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    const canada = w.page.locator('#map svg a[data-select-key="CAN"]');
    await canada.click();
    await expect.poll(() => w.page.url()).toContain('state=CAN');
    // Canada in full, the other members faded.
    const opacity = (key: string) =>
      w.page.locator(`#map svg a[data-select-key="${key}"] path`).first().getAttribute('fill-opacity');
    expect(Number(await opacity('CAN'))).toBe(1);
    expect(Number(await opacity('FRA'))).toBeLessThan(0.5);
    expect(await chips(w.page).first().textContent()).toContain('State: Canada');
    // The other charts follow: Canada's join year marked, its region in full; the list of states on the way.
    await expect
      .poll(() => w.page.locator('#partners-over-time svg g.selected-join-label').textContent())
      .toBe('Canada joins');
    expect(await w.page.locator('.on-the-way').textContent()).toContain(
      'Canada is not on the way in this view.'
    );
    await chips(w.page).getByRole('link', { name: "Open Canada's page" }).click();
    await expect.poll(() => w.page.url()).toContain('/partners/CAN');
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Canada');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
