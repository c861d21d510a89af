/**
 * The match-making view on the production build: filters in the URL that survive a reload, open requests with no
 * partner active said so and listed first, a request's partners on demand, the rules shared with /funding.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatched, startSite, waitForData, type Site } from '../support/browser';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const open = (path: string) => openWatched(site, path, '#requests tbody tr');

const requesters = (page: Page) => page.locator('#requests tbody tr td:first-child').allTextContents();

describe('the match-making view', () => {
  test('a region filter narrows the list, the map and the gaps chart, goes to the URL and survives a reload', async () => {
    const w = await open('/needs');
    const everyone = await requesters(w.page);
    const everywhere = await w.page.locator('#requesters-map svg a').count();
    expect(
      await w.page.locator('#gaps svg [aria-label="fy-axis tick label"] text').allTextContents()
    ).toEqual(expect.arrayContaining(['Americas', 'Asia', 'Region not recorded']));
    await w.page.getByRole('combobox', { name: /^Region/ }).selectOption('Americas');
    await expect.poll(() => w.page.url()).toContain('region=Americas');
    await expect.poll(async () => (await requesters(w.page)).length).toBeLessThan(everyone.length);
    const americas = await requesters(w.page);
    expect(americas).toEqual(expect.arrayContaining(['Colombia', 'Guatemala', 'Mexico']));
    expect(americas).not.toContain('Ukraine');
    // The map and the gaps chart follow; so does the gaps chart's table alternative.
    const mapped = () => w.page.locator('#requesters-map svg a').count();
    await expect.poll(mapped).toBeLessThan(everywhere);
    const charted = () =>
      w.page.locator('#gaps svg [aria-label="fy-axis tick label"] text').allTextContents();
    await expect.poll(charted).toEqual(['Americas']);
    await w.page.locator('#gaps').getByRole('button', { name: 'Show table' }).click();
    const regions = () => w.page.locator('#gaps tbody tr td:first-child').allTextContents();
    await expect.poll(async () => [...new Set(await regions())]).toEqual(['Americas']);
    await w.page.reload();
    await waitForData(w.page);
    await expect.poll(() => requesters(w.page)).toEqual(americas);
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    await w.context.close();
  });

  test('an open request no partner answers is said so, first; a request shows its partners by tier', async () => {
    const w = await open('/needs');
    const first = w.page.locator('#requests tbody tr').first();
    expect(await first.locator('td').nth(5).textContent()).toBe('open');
    expect(await first.locator('td').nth(6).textContent()).toContain('no partner active here');
    const georgia = w.page.locator('#requests tbody tr', { hasText: 'Border radiation monitors' });
    await georgia.getByRole('button', { name: 'Show partners' }).click();
    await expect.poll(() => w.page.url()).toContain('request=ill-need-009');
    const partners = w.page.locator('#candidates tbody tr');
    await expect.poll(() => partners.count()).toBeGreaterThan(0);
    expect(await partners.first().textContent()).toContain('United Kingdom');
    expect(await partners.first().textContent()).toContain('to the requester itself');
    await w.context.close();
  });

  test('the counting rules are the funding view’s: excluding in-kind support removes a partner', async () => {
    const w = await open('/needs?request=ill-need-009&in_kind=exclude');
    const card = w.page.locator('#candidates');
    await expect.poll(() => card.textContent()).toContain('No partner');
    expect(await card.textContent()).not.toContain('United Kingdom');
    const georgia = w.page.locator('#requests tbody tr', { hasText: 'Border radiation monitors' });
    expect(await georgia.textContent()).toContain('no partner active here');
    expect(
      await w.page
        .getByRole('group', { name: 'In-kind support' })
        .getByRole('radio', { name: 'exclude' })
        .isChecked()
    ).toBe(true);
    await w.context.close();
  });

  test('a state on the map links to its requests: a click filters the list, and the map says each standing', async () => {
    const w = await open('/needs');
    const georgia = w.page.locator('#requesters-map g.requesters a', {
      has: w.page.locator('[aria-label^="Georgia:"]')
    });
    await georgia.waitFor();
    expect(await georgia.locator('[aria-label^="Georgia:"]').getAttribute('aria-label')).toBe(
      'Georgia: a request recorded open'
    );
    const labels = await w.page
      .locator('#requesters-map g.requesters [aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels).toContain('Kazakhstan: a request recorded open');
    expect(labels.some((l) => l?.endsWith('requests whose status is not recorded'))).toBe(true);
    await georgia.click();
    await expect.poll(() => w.page.url()).toContain('requester=GEO');
    await expect.poll(() => requesters(w.page)).toEqual(['Georgia']);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  test('printed, the list of requests is whole: no row is hidden in a scroll box', async () => {
    const w = await open('/needs');
    await w.page.emulateMedia({ media: 'print' });
    const clipped = await w.page
      .locator('#requests .scroll')
      .evaluate((box) => box.scrollHeight > box.clientHeight + 1);
    expect(clipped).toBe(false);
    await w.page.emulateMedia({ media: 'screen' });
    expect(
      await w.page.locator('#requests .scroll').evaluate((box) => box.scrollHeight > box.clientHeight + 1)
    ).toBe(true);
    await w.context.close();
  });
});
