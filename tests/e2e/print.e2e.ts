/**
 * Print as a publication, checked on the PDF Chromium prints (A4 landscape), read back page by page: every card's
 * title and its source line on one page, no empty page, a running header naming the page and its data and a
 * footer numbering the pages, long tables repeating their header row, a presidency's year on at most two pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';
import { pdfPages } from '../support/pdf';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

/** Text without its spacing: a PDF's runs break lines where the page does. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function printed(path: string, charts: number) {
  const w = await watchedPage(site);
  await w.page.goto(`${site.url}${path}`);
  expect(await waitForData(w.page)).toBe('ready');
  await waitForCharts(w.page, charts);
  if (path.startsWith('/presidency')) await w.page.locator('#year-funding').waitFor();
  const pdf = await w.page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = await pdfPages(new Uint8Array(pdf));
  const cards = await w.page.locator('section.card').evaluateAll((sections) =>
    sections.map((s) => ({
      title: s.querySelector('h2')?.textContent ?? '',
      source: s.querySelector(':scope > footer .sources')?.textContent ?? ''
    }))
  );
  await w.context.close();
  return { pages, cards };
}

describe('print', () => {
  test.each([
    ['/', 1],
    ['/attendance', 2],
    ['/funding', 4],
    ['/expansion', 2],
    ['/needs', 2],
    ['/partners/CAN', 1],
    ['/presidency/2012', 0],
    ['/data', 0]
  ])(
    '%s: each card whole with its title and sources, a running header and footer, no empty page',
    async (path, charts) => {
      const { pages, cards } = await printed(path, charts);
      // Every view but the Data view (a page of tables and forms) is made of cards.
      if (path !== '/data') expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        const at = pages.findIndex((p) => squeeze(p).includes(squeeze(card.title)));
        expect(at, `"${card.title}" is printed`).toBeGreaterThanOrEqual(0);
        if (card.source)
          expect(squeeze(pages[at]!), `the sources of "${card.title}" on its page`).toContain(
            squeeze(card.source.slice(0, 80))
          );
      }
      pages.forEach((text, i) => {
        expect(text).toContain('Data: the bundled sample of');
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
        // Beyond the running header and footer, every page holds something.
        const body = text
          .replace(/GP Dashboard: .*?\(data [0-9a-f]{8}\)/, '')
          .replace(/Printed \d{4}-\d{2}-\d{2} · \S+/, '')
          .replace(/Page \d+ of \d+/, '');
        expect(body.trim().length, `page ${i + 1} has content`).toBeGreaterThan(40);
      });
      if (path.startsWith('/presidency')) expect(pages.length).toBeLessThanOrEqual(2);
    }
  );

  test("a long table breaks between rows and repeats its header row on each page (/needs' requests)", async () => {
    const { pages } = await printed('/needs', 2);
    const withRows = pages.filter((p) => p.includes('Description and source'));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toMatch(/Requester .*Region .*Priority area/);
  });
});
