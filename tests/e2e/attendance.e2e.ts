import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTICIPANT_GROUPS } from '../../src/lib/data/domain';
import { attendanceCounts, meetingsInView } from '../../src/lib/data/queries/attendance';
import { openSampleDb } from '../unit/sample-db';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
const expected = { meetings: 0, unrecorded: 0, bars: 0, usaMeetings: 0, usaBars: 0 };
beforeAll(async () => {
  site = await startSite();
  // What the chart must show, from the same queries on the same engine in Node.
  const db = await openSampleDb();
  const all = { presidency: null, yearFrom: null, yearTo: null, groups: PARTICIPANT_GROUPS };
  const meetings = await meetingsInView(db, all);
  expected.meetings = meetings.length;
  expected.unrecorded = meetings.filter((m) => !m.attendanceRecorded).length;
  expected.bars = (await attendanceCounts(db, all)).length;
  expected.usaMeetings = (await meetingsInView(db, { ...all, presidency: 'USA' })).length;
  expected.usaBars = (await attendanceCounts(db, { ...all, presidency: 'USA' })).length;
  db.close();
});
afterAll(() => site.close());

// The chart is interactive (its bars select a meeting): a group of named parts, not one image.
const chartOf = (page: import('playwright-core').Page) =>
  page.getByRole('group', { name: 'Bar chart: GPWG attendance per meeting by kind of participant' });

describe('the attendance view on the production build', () => {
  test('draws one mark per meeting: bars where a list is known, "not recorded" where not', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    const chart = chartOf(w.page);
    expect(await chart.locator('g.attendance rect').count()).toBe(expected.bars);
    expect(await chart.locator('g.gap rect').count()).toBe(expected.unrecorded);
    expect(await chart.getByText('not recorded', { exact: true }).count()).toBe(expected.unrecorded);
    expect(await chart.locator('g[aria-label="x-axis tick label"] text').count()).toBe(expected.meetings);
    // The matrix is a group a screen reader can enter: its cells are named, its names on the axis are links.
    const matrix = w.page.getByRole('group', { name: 'Matrix: who attended which GPWG meeting' });
    expect(await matrix.count()).toBe(1);
    expect(await matrix.locator('g[aria-label="y-axis tick label"] a').count()).toBeGreaterThan(20);
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    await w.context.close();
  });

  test('choosing a presidency updates the chart and the URL, and a reload restores it', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance`);
    await waitForData(w.page);
    await w.page.getByLabel('Presidency').selectOption('USA');
    await expect.poll(() => w.page.url()).toBe(`${site.url}/attendance?presidency=USA`);
    const chart = chartOf(w.page);
    await expect
      .poll(() => chart.locator('g[aria-label="x-axis tick label"] text').count())
      .toBe(expected.usaMeetings);
    expect(await chart.locator('g.attendance rect').count()).toBe(expected.usaBars);

    await w.page.reload();
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    expect(await w.page.getByLabel('Presidency').inputValue()).toBe('USA');
    expect(await chartOf(w.page).locator('g[aria-label="x-axis tick label"] text').count()).toBe(
      expected.usaMeetings
    );
    await w.context.close();
  });

  test('hovering a bar shows the entities behind it and their source', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance?from=2012&to=2012`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    const organisations = chartOf(w.page).locator(
      'g.attendance rect[aria-label*="International organisations"]'
    );
    await organisations.hover();
    const tip = chartOf(w.page).locator('g[aria-label="tip"]');
    await expect.poll(() => tip.textContent()).toContain('International Atomic Energy Agency');
    expect(await tip.textContent()).toContain('Source: Information Note');
    await w.context.close();
  });

  test('the delegates measure counts only what the sources give and says what it leaves out', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance?measure=delegates`);
    await waitForData(w.page);
    await waitForCharts(w.page, 2);
    const chart = chartOf(w.page);
    expect(await chart.locator('g.attendance rect').count()).toBe(1);
    expect(await chart.textContent()).toContain('delegates not recorded');
    expect(await chart.textContent()).toContain('(+25 not counted)');
    await w.context.close();
  });

  test('each chart has a table alternative with the same numbers', async () => {
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/attendance`);
    await waitForData(w.page);
    const card = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: /attendance per meeting/ })
    });
    await card.getByRole('button', { name: 'Show table' }).click();
    const miami = card.getByRole('row', { name: /Miami/ });
    expect(await miami.getByRole('cell').nth(-2).textContent()).toBe('26');
    expect(await card.getByRole('row', { name: /Vancouver/ }).textContent()).toContain('not recorded');
    const matrix = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: 'Who came to which meeting' })
    });
    await matrix.getByRole('button', { name: 'Show table' }).click();
    expect(await matrix.getByRole('row', { name: /Mexico/ }).textContent()).toContain('Observer (new)');
    await w.context.close();
  });
});
