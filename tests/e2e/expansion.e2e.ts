import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const stepChart = (page: Page) =>
  page.getByRole('img', { name: 'Bar chart: GP partners per year by region, with the total as a step line' });
const map = (page: Page) =>
  page.getByRole('img', { name: 'World map of GP partners by year joined, observers and invitees' });
const partnersFigure = (page: Page) =>
  page.locator('.figures div', { hasText: /^Partners in/ }).locator('.value');

async function open(path: string) {
  const w = await watchedPage(site);
  await w.page.goto(`${site.url}${path}`);
  await waitForData(w.page);
  await waitForCharts(w.page, 2);
  return w;
}

describe('the expansion view on the production build', () => {
  test('draws the step chart and the map, the map from the app’s own files', async () => {
    const w = await open('/expansion');
    expect(await stepChart(w.page).locator('g.total-step path').count()).toBe(1);
    expect(await stepChart(w.page).locator('g.year-unknown rect').count()).toBeGreaterThan(0);
    expect(await map(w.page).locator('g.countries path').count()).toBeGreaterThan(150);
    expect(await map(w.page).locator('g.countries path[aria-label="France"]').getAttribute('fill')).not.toBe(
      '#e6e8eb'
    );
    expect(w.requests.some((u) => /countries-110m\.[\w-]+\.json$/.test(u))).toBe(true);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(
      await w.page.getByRole('table', { name: 'States on the way to GP membership' }).textContent()
    ).toContain('Mexico');
    await w.context.close();
  });

  test('not counting the EU takes exactly one partner off, and the URL says so', async () => {
    const w = await open('/expansion');
    const before = Number(await partnersFigure(w.page).textContent());
    await w.page.getByLabel('Count the European Union as a partner').uncheck();
    await expect.poll(() => w.page.url()).toBe(`${site.url}/expansion?eu=no`);
    await expect.poll(async () => Number(await partnersFigure(w.page).textContent())).toBe(before - 1);
    await w.context.close();
  });

  test('choosing a region updates every chart and the URL, and a reload keeps it', async () => {
    const w = await open('/expansion');
    await w.page.getByRole('combobox', { name: /^Region/ }).selectOption('Asia');
    await expect.poll(() => w.page.url()).toBe(`${site.url}/expansion?region=Asia`);
    // Step chart: only the Asian colour is stacked.
    await expect
      .poll(
        async () =>
          new Set(
            await stepChart(w.page)
              .locator('g.region-bars rect')
              .evaluateAll((r) => r.map((x) => x.getAttribute('fill')))
          )
      )
      .toEqual(new Set(['#efb118']));
    // Map: France is no longer a partner in view; Japan still is.
    await expect
      .poll(() => map(w.page).locator('path[aria-label="France"]').getAttribute('fill'))
      .toBe('#e6e8eb');
    expect(await map(w.page).locator('path[aria-label="Japan"]').getAttribute('fill')).not.toBe('#e6e8eb');
    // The figure follows: Asian partners in 2020.
    await expect.poll(() => partnersFigure(w.page).textContent()).toBe('6');

    await w.page.reload();
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    expect(await w.page.getByRole('combobox', { name: /^Region/ }).inputValue()).toBe('Asia');
    expect(await partnersFigure(w.page).textContent()).toBe('6');
    await w.context.close();
  });

  test('2020 reads 31 partners with the EU, beside the published 31 whose tooltip quotes its source', async () => {
    const w = await open('/expansion');
    const stepCard = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: 'Partners per year, by region' })
    });
    const published = stepChart(w.page).locator('g.published-counts [aria-label="2020: 31 published"]');
    const tip = stepChart(w.page).locator('g[aria-label="tip"]', { hasText: 'members published' });
    // Plot wraps a tip's lines with zero-width spaces: read them as spaces.
    const tipText = async () => ((await tip.textContent()) ?? '').replace(/\u200b/g, ' ');
    // The live chart may replace the prerendered one (which has no tips) under a still pointer, and a pointer
    // that does not move shows no tip: leave and come back until the tip shows.
    await expect
      .poll(async () => {
        await w.page.mouse.move(0, 0);
        await published.hover({ force: true, timeout: 5_000 });
        return tipText();
      })
      .toContain('2020: 31 members published (counts the EU); the same');
    expect(await tipText()).toContain('Auswärtiges Amt (German Federal Foreign Office)');
    expect(await tipText()).toContain('mit ihren insgesamt 31 Mitgliedern');
    expect(await stepCard.getByRole('list', { name: 'Joins and ends' }).textContent()).toContain(
      '2020: Russian Federation, not listed by 2020 (end year unknown)'
    );
    await stepCard.getByRole('button', { name: 'Show table' }).click();
    const byRegion = stepCard.getByRole('table', { name: 'GP partners per year by region' });
    expect(await byRegion.getByRole('row', { name: /^2020/ }).locator('td').last().textContent()).toBe('31');
    const counts = stepCard.getByRole('table', { name: /Member counts as the sources publish them/ });
    expect(await counts.getByRole('row', { name: /^2015/ }).textContent()).toContain(
      '2 more than counted here'
    );
    await w.context.close();
  });

  test('each chart has a table alternative, with unknown join years said in words', async () => {
    const w = await open('/expansion');
    const mapCard = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: /Where the partners are/ })
    });
    await mapCard.getByRole('button', { name: 'Show table' }).click();
    expect(await mapCard.getByRole('row', { name: /Chile/ }).textContent()).toContain(
      'partner by 2020, join year unknown'
    );
    const stepCard = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: 'Partners per year, by region' })
    });
    await stepCard.getByRole('button', { name: 'Show table' }).click();
    const byRegion = stepCard.getByRole('table', { name: 'GP partners per year by region' });
    expect(await byRegion.getByRole('row', { name: /^2011/ }).locator('td').last().textContent()).toBe('23');
    await w.context.close();
  });
});
