/**
 * "Keep my data on this device" in Chromium, on the build: kept files come back after a reload with no sample
 * figure painted first; "Forget my data" leaves the origin with no stored byte; off, nothing is stored; a full
 * quota, a browser without storage, another tab writing the store and a kept file that no longer passes the checks
 * each say so, and the sample (or the data already loaded) stays whole.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

// Its 2026 row is in no sample table: the per-year chart shows 2026 only when this file is loaded.
const FILE = 'tests/fixtures/user-files/excel-fr/contributions.csv';
const yearAxis = (page: Page) => page.locator('section#by-year .plot svg').textContent();
const dataStatus = (page: Page) => page.locator('header [role="status"]').first().textContent();
const keepBox = (page: Page) => page.getByLabel('Keep my data on this device');

/**
 * Before every frame, whether the per-year chart was visible and whose data it drew: a chart without 2026 is the
 * sample's. Installed before any of the page's own scripts.
 */
async function recordPaints(context: BrowserContext) {
  await context.addInitScript(() => {
    const paints: string[] = [];
    (window as unknown as { __paints: string[] }).__paints = paints;
    const look = () => {
      const svg = document.querySelector('section#by-year .plot svg');
      if (svg?.checkVisibility()) paints.push(svg.textContent?.includes('2026') ? 'yours' : 'sample');
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
const paints = (page: Page) => page.evaluate(() => (window as unknown as { __paints: string[] }).__paints);

/** Everything this origin stores: OPFS entries, IndexedDB databases, localStorage keys, Cache entries. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const opfs: string[] = [];
    for await (const name of (await navigator.storage.getDirectory()).keys()) opfs.push(name);
    return {
      opfs,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      localStorage: Object.keys(localStorage),
      caches: await caches.keys()
    };
  });
const NOTHING = { opfs: [], indexedDB: [], localStorage: [], caches: [] };

async function openFunding(context: BrowserContext, page: Page) {
  void context;
  await page.goto(`${site.url}/funding`);
  expect(await waitForData(page)).toBe('ready');
  await waitForCharts(page, 4);
}

async function loadKept(page: Page) {
  await keepBox(page).check();
  await page.getByTestId('load-input').setInputFiles(FILE);
  await expect.poll(() => dataStatus(page)).toMatch(/Your files, kept on this device since \d+ \w{3} 20\d\d/);
  await expect.poll(() => yearAxis(page)).toContain('2026');
}

describe('keep my data on this device', () => {
  it('kept files come back after a reload with no sample figure painted first; forget leaves nothing stored', async () => {
    const { page, context, cspViolations } = await watchedPage(site);
    await openFunding(context, page);
    expect(await keepBox(page).isChecked()).toBe(false);
    await loadKept(page);
    expect((await stored(page)).opfs).toEqual(['gp-dashboard-kept']);

    await recordPaints(context);
    await page.reload();
    await expect
      .poll(() => dataStatus(page), { timeout: 30_000 })
      .toContain('Your files, kept on this device');
    await waitForCharts(page, 4);
    await expect.poll(() => yearAxis(page)).toContain('2026');
    const seen = await paints(page);
    expect(seen).toContain('yours');
    expect(seen).not.toContain('sample');
    expect(await keepBox(page).isChecked()).toBe(true);
    expect(await cspViolations()).toEqual([]);

    await page.getByRole('button', { name: 'Forget my data' }).first().click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Your kept files' }).textContent())
      .toContain('Nothing of yours is stored on this device any more');
    // Forgotten, not unloaded: the tab keeps showing the files until it is reloaded.
    expect(await yearAxis(page)).toContain('2026');
    expect(await stored(page)).toEqual(NOTHING);
    await page.reload();
    expect(await waitForData(page)).toBe('ready');
    await waitForCharts(page, 4);
    expect(await dataStatus(page)).toContain('Sample data');
    expect(await yearAxis(page)).not.toContain('2026');
    expect(await stored(page)).toEqual(NOTHING);
    await context.close();
  });

  it('with keep off, a loaded file stores nothing and a reload shows the sample', async () => {
    const { page, context } = await watchedPage(site);
    await openFunding(context, page);
    await page.getByTestId('load-input').setInputFiles(FILE);
    await expect.poll(() => yearAxis(page)).toContain('2026');
    expect(await dataStatus(page)).toContain('Your data (1 of');
    expect(await stored(page)).toEqual(NOTHING);
    await page.reload();
    await waitForCharts(page, 4);
    expect(await yearAxis(page)).not.toContain('2026');
    await context.close();
  });

  it('a full quota says so, keeps nothing, and the loaded data stays', async () => {
    const { page, context } = await watchedPage(site);
    await openFunding(context, page);
    await keepBox(page).check();
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(1);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.url, quotaSize: 4096 });
    await page.getByTestId('load-input').setInputFiles(FILE);
    const alert = page.getByRole('alert', { name: 'Your kept files' });
    await expect.poll(() => alert.textContent()).toContain("The browser's storage for this site is full");
    expect(await alert.textContent()).toContain('Your files stay loaded in this tab');
    await expect.poll(() => yearAxis(page)).toContain('2026');
    expect(await keepBox(page).isChecked()).toBe(false);
    expect(await stored(page)).toEqual(NOTHING);
    await context.close();
  });

  it('a browser that lets the site store nothing (a private window) says so', async () => {
    const { page, context } = await watchedPage(site);
    // What Firefox's and Safari's private windows do: the file system is refused.
    await context.addInitScript(() => {
      navigator.storage.getDirectory = () => Promise.reject(new DOMException('denied', 'SecurityError'));
    });
    await openFunding(context, page);
    // Turned on and straight back off: `check()` would wait for it to stay checked.
    await keepBox(page).click();
    await page.getByTestId('load-input').setInputFiles(FILE);
    const alert = page.getByRole('alert', { name: 'Your kept files' });
    await expect.poll(() => alert.textContent()).toContain('does not let the dashboard store files here');
    expect(await keepBox(page).isChecked()).toBe(false);
    await expect.poll(() => yearAxis(page)).toContain('2026');
    await context.close();
  });

  it('another tab writing the store: this tab says so and shows the sample', async () => {
    const { page, context } = await watchedPage(site);
    await openFunding(context, page);
    await loadKept(page);
    const other = await context.newPage();
    await other.goto(`${site.url}/data`);
    await other.evaluate(() => {
      // The other tab in the middle of a write, holding the store's lock.
      void navigator.locks.request('gp-dashboard-kept', () => new Promise(() => undefined));
    });
    await page.reload();
    const alert = page.getByRole('alert', { name: 'Your kept files' });
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain('Another tab of GP Dashboard');
    await waitForCharts(page, 4);
    expect(await dataStatus(page)).toContain('Sample data');
    expect(await yearAxis(page)).not.toContain('2026');
    await other.close();
    // Once the other tab lets go, the files come back.
    await page.reload();
    await expect.poll(() => dataStatus(page), { timeout: 30_000 }).toContain('kept on this device');
    await context.close();
  });

  it('a kept file that no longer passes the checks is named, the sample is shown, and forget is offered', async () => {
    const { page, context } = await watchedPage(site);
    await openFunding(context, page);
    await loadKept(page);
    // The kept file as an older dashboard might have accepted it: an amount that is not a number.
    await page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('gp-dashboard-kept');
      const manifest = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text());
      const handle = await dir.getFileHandle(manifest.files[0].stored);
      const text = await (await handle.getFile()).text();
      const lines = text.split('\n');
      lines[1] = lines[1]!.replace(/;\d[\d ,]*;/, ';lots;');
      const writable = await handle.createWritable();
      await writable.write(lines.join('\n'));
      await writable.close();
    });
    await page.reload();
    const alert = page.getByRole('alert', { name: 'Your kept files' });
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain('could not be restored: they no longer pass');
    expect(await alert.textContent()).toMatch(/contributions\.csv.*row 1/);
    await waitForCharts(page, 4);
    expect(await dataStatus(page)).toContain('Sample data');
    await alert.getByRole('button', { name: 'Forget my data' }).click();
    await expect.poll(() => stored(page)).toEqual(NOTHING);
    await context.close();
  });
});
