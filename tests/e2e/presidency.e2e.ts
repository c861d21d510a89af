/**
 * A presidency's year on one page, on the production build: who held it, its meetings as precisely as the
 * sources give them, who came, who joined, and a year no meeting or list is recorded for said so.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWatched, startSite, type Site, type Watched } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const open = (path: string) => openWatched(site, path, '#in-brief');

/** Each meeting's row of the meetings card, its cells joined. */
const meetingRows = (w: Watched) =>
  w.page
    .locator('#meetings tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim()).join(' | ')));

describe('a presidency year', () => {
  test('/presidency/2012: the United States, three meetings, Miami listed, Kazakhstan and Mexico joining', async () => {
    const w = await open('/presidency/2012');
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The GP in 2012: the presidency of the United States'
    );
    const rows = await meetingRows(w);
    expect(rows.map((r) => r.split(' | ')[0])).toEqual([
      'Washington, D.C., 24–25 Jan 2012',
      'Cambridge, Massachusetts, 13–14 Mar 2012',
      'Miami, 17–18 Apr 2012'
    ]);
    // No list for Washington: not recorded, never 0.
    expect(rows[0]).toContain('not recorded (no participant list)');
    // Mexico came to Miami as an observer.
    expect(rows[2]).toMatch(/\| 26 \|.*States as observers \(1\): Mexico;/);
    expect(await w.page.locator('#expansion').textContent()).toContain('2012: Kazakhstan, Mexico');
    const brief = await w.page.locator('#in-brief li').allTextContents();
    expect(brief[0]).toBe(
      'Three GPWG meetings; a participant list is recorded for one: Miami, 17–18 Apr 2012, 26 participants, ten of them first seen.'
    );
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    await w.context.close();
  });

  test('/presidency/2011: France; Paris, enlarged, its 18 states, the EU and the 1540 Committee experts', async () => {
    const w = await open('/presidency/2011');
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toContain('France');
    const [paris] = await meetingRows(w);
    expect(paris).toMatch(/^Paris, 10 Oct 2011 \| enlarged \| 20 \|/);
    expect(paris).toContain('States as partners (18): Australia, Canada, Czech Republic');
    expect(paris).toContain('European Union (1): European Union');
    expect(paris).toContain('International organisations (1): 1540 Committee experts');
    await w.context.close();
  });

  test('/presidency/2013 exists and says no participant list is recorded; the picker opens another year', async () => {
    const w = await open('/presidency/2013');
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toContain('United Kingdom');
    expect(await w.page.locator('#in-brief').textContent()).toContain(
      'No GPWG meeting is recorded for 2013, so no participant list is recorded either.'
    );
    await w.page.getByRole('combobox', { name: 'Year' }).selectOption('2015');
    await expect.poll(() => w.page.url()).toContain('/presidency/2015');
    await expect
      .poll(() => w.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The GP in 2015: the presidency of Germany (from June 2014 to the end of 2015)');
    await w.context.close();
  });

  test('a year the build did not prerender is served by the fallback page; the overview links each year', async () => {
    const w = await open('/presidency/2016');
    expect(await w.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The GP in 2016: no presidency recorded'
    );
    await w.page.goto(site.url);
    await w.page
      .getByRole('navigation', { name: /presidency's year/ })
      .getByRole('link', { name: '2012: United States' })
      .click();
    await expect.poll(() => w.page.url()).toContain('/presidency/2012');
    await w.context.close();
  });
});
