import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

test.each([
  ['/', 1],
  ['/attendance', 2],
  ['/funding', 4],
  ['/expansion', 2],
  ['/expansion?state=CAN', 2],
  ['/needs?request=ill-need-009', 1],
  ['/partners/CAN', 1],
  ['/partners/compare?ids=CAN,FRA,MEX', 0],
  ['/presidency/2012', 0],
  ['/funding?donor=CAN', 4],
  ['/data', 0]
])(
  '%s has no serious or critical accessibility violation (axe-core), once its %i charts are drawn',
  async (path, charts) => {
    const w = await watchedPage(site);
    await w.page.goto(site.url + path);
    expect(await waitForData(w.page)).toBe('ready');
    await waitForCharts(w.page, charts);
    expect(await seriousViolations(w.page)).toEqual([]);
    // The check runs on the live page: the CSP stays intact and nothing else broke.
    expect(await w.cspViolations()).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }
);
