/**
 * The site built for a sub-path on a team's own extracts (`npm run build:subpath`: GP_BASE_PATH=/gp, and
 * GP_DATA_DIR=tests/fixtures/data-dir/good, the sample plus one made-up meeting, into build-gp/), served under /gp/
 * by the project's own static server: every view, the fallback page, its data, wasm and workers load from under
 * /gp/, links stay there, nothing is asked of the server's root, and the baked-in data is the site's own. The
 * build summarises its contributions (GP_SUMMARISE_ABOVE=50, as a folder of millions would be): the funding view
 * shows the same figures as the root site, which holds every row.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';
import { SITE_PAGES } from '../support/pages';

let site: Site;
beforeAll(async () => {
  site = await startSite({ dir: 'build-gp', base: '/gp' });
});
afterAll(() => site.close());

describe('the site under a sub-path', () => {
  test.each(SITE_PAGES)('/gp%s loads its data and draws its charts from under /gp/', async (path, charts) => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/gp${path}`);
    expect(await waitForData(w.page)).toBe('ready');
    await waitForCharts(w.page, charts);
    expect(w.requests.filter((u) => !u.startsWith(`${site.url}/gp/`) && u !== `${site.url}/gp`)).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    const links = await w.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) expect(href).toMatch(/^\/gp(\/|$)/);
    await w.context.close();
  });

  test("the folder's new meeting is in the prerendered attendance page, before any script runs", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/gp/attendance`);
    const ticks = await page.locator('svg g[aria-label="x-axis tick label"] text').allTextContents();
    expect(ticks.join(' ')).toContain('Fixture City');
    await context.close();
  });

  test('moving between views stays under /gp/', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/gp/`);
    await waitForData(w.page);
    await w.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Funding' }).click();
    await waitForCharts(w.page, 4);
    expect(new URL(w.page.url()).pathname).toBe('/gp/funding');
    await w.page.locator('#by-partner svg g.counted-stage a').first().click();
    await expect.poll(() => w.page.url()).toMatch(/\/gp\/funding\?donor=/);
    expect(w.requests.filter((u) => !u.startsWith(`${site.url}/gp`))).toEqual([]);
    await w.context.close();
  });

  test('summarised contributions: the funding figures are those of every row, and the Data view says so', async () => {
    const root = await startSite();
    const funding = async (url: string) => {
      const w = await watchedPage(root);
      await w.page.goto(url);
      expect(await waitForData(w.page)).toBe('ready');
      await waitForCharts(w.page, 4);
      // Every mark's words and every line of the cards; not the axes' ticks, which follow the page's width.
      const text = await w.page
        .locator('section#by-area, section#by-partner, section#by-year')
        .evaluateAll((sections) =>
          sections.map((section) => {
            const copy = section.cloneNode(true) as Element;
            copy.querySelectorAll('g[aria-label*="tick"]').forEach((tick) => tick.remove());
            return copy.textContent ?? '';
          })
        );
      await w.context.close();
      return text.join('\n').replaceAll('/gp/', '/');
    };
    try {
      const whole = await funding(`${root.url}/funding`);
      const summarised = await funding(`${site.url}/gp/funding`);
      expect(summarised).toBe(whole);
      expect(summarised).toContain('$');
      // A partner over the years reads the finest table, which the summarised site loads only now.
      const partner = await funding(`${root.url}/funding?donor=USA&from=2004&to=2010`);
      expect(await funding(`${site.url}/gp/funding?donor=USA&from=2004&to=2010`)).toBe(partner);
      expect(partner).toContain('United States');
    } finally {
      await root.close();
    }
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/gp/data`);
    await waitForData(w.page);
    // A team's own data, never called the sample; its contributions row counts the rows it holds of all.
    expect(await w.page.locator('header [role="status"]').first().textContent()).toContain(
      "Your team's data (built into this site)"
    );
    const row = w.page.locator('tr', { has: w.page.locator('th code', { hasText: /^contributions$/ }) });
    await expect.poll(() => row.textContent()).toContain('24 of 70');
    await expect
      .poll(() => w.page.getByTestId('summarised').textContent())
      .toMatch(/the data holds 70 contributions.*the largest 24/s);
    await w.context.close();
  });
});
