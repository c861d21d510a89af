import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_RULES, type CountingRules } from '../../src/lib/data/counting-rules';
import { countedTotal } from '../../src/lib/data/queries/funding';
import { formatMoneyFull } from '../../src/lib/format';
import { openSampleDb } from '../unit/sample-db';
import { startSite, waitForCharts, waitForData, watchedPage, type Site } from '../support/browser';

let site: Site;
const predicted = new Map<string, string>();
const all = { donor: null, area: null, yearFrom: null, yearTo: null };
const toggles: [string, string, Partial<CountingRules>][] = [
  ['Domestic spending', 'exclude', { domestic: false }],
  ['Multilateral funds', 'exclude', { multilateral: false }],
  ['In-kind support', 'exclude', { inKind: false }],
  ['The original 2002 areas', 'exclude', { legacyAreas: false }],
  ['Illustrative rows', 'exclude', { illustrative: false }],
  ['Stage the totals count', 'committed', { stage: 'committed' }]
];

beforeAll(async () => {
  site = await startSite();
  // The headline each change must show, from the same query on the same engine in Node.
  const db = await openSampleDb();
  predicted.set('defaults', formatMoneyFull((await countedTotal(db, DEFAULT_RULES, all)).amount));
  for (const [name, , change] of toggles) {
    predicted.set(
      name,
      formatMoneyFull((await countedTotal(db, { ...DEFAULT_RULES, ...change }, all)).amount)
    );
  }
  predicted.set(
    'new money',
    formatMoneyFull(
      (await countedTotal(db, { ...DEFAULT_RULES, domestic: false, legacyAreas: false }, all)).amount
    )
  );
  db.close();
});
afterAll(() => site.close());

const headline = (page: Page) => page.locator('.figures div', { hasText: /^Counted,/ }).locator('.note');

async function open(path: string) {
  const w = await watchedPage(site);
  await w.page.goto(`${site.url}${path}`);
  await waitForData(w.page);
  await waitForCharts(w.page, 4);
  return w;
}

describe('the funding view on the production build', () => {
  test('toggling each rule changes the headline to the value the query predicts, and says so', async () => {
    const w = await open('/funding');
    expect(await headline(w.page).textContent()).toContain(predicted.get('defaults'));
    for (const [legend, value] of toggles) {
      const group = w.page.getByRole('group', { name: legend });
      await group.getByRole('radio', { name: new RegExp(`^${value}`) }).check();
      await expect.poll(() => headline(w.page).textContent()).toContain(predicted.get(legend));
      const effects = w.page.getByRole('region', { name: 'What the rules changed' });
      await expect.poll(() => effects.locator('li').count()).toBe(1);
      // Back to the default for the next rule.
      await group.getByRole('radio', { name: /default/ }).check();
      await expect.poll(() => headline(w.page).textContent()).toContain(predicted.get('defaults'));
    }
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(site.url + '/'))).toEqual([]);
    await w.context.close();
  });

  test('a preset lists what it changed, and the URL reproduces the figures after a reload', async () => {
    const w = await open('/funding');
    await w.page.getByRole('button', { name: 'New money only' }).click();
    await expect.poll(() => w.page.url()).toBe(`${site.url}/funding?domestic=exclude&legacy_areas=exclude`);
    await expect.poll(() => headline(w.page).textContent()).toContain(predicted.get('new money'));
    const effects = w.page.getByRole('region', { name: 'What the rules changed' });
    await expect
      .poll(() => effects.locator('li[data-rule="domestic"]').textContent())
      .toMatch(/domestic spending excluded: −\$2\.1 bn/);
    expect(await effects.locator('li[data-rule="legacyAreas"]').count()).toBe(1);
    expect(await w.page.getByTestId('rules-in-words').textContent()).toContain('New money only');

    await w.page.reload();
    await waitForData(w.page);
    await waitForCharts(w.page, 4);
    await expect.poll(() => headline(w.page).textContent()).toContain(predicted.get('new money'));
    expect(
      await w.page
        .getByRole('group', { name: 'Domestic spending' })
        .getByRole('radio', { name: 'exclude' })
        .isChecked()
    ).toBe(true);
    await w.context.close();
  });

  test('the side-by-side shows both rule sets and their difference per area', async () => {
    const w = await open('/funding?domestic=exclude');
    const card = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: 'The same money under two rule sets' })
    });
    const chart = card.getByRole('img', { name: /Dot chart/ });
    expect(await chart.locator('g.comparison-dots circle').count()).toBe(16);
    expect(await chart.locator('g.difference-direction text').textContent()).toBe(
      'Difference: New money only minus the current rules'
    );
    await card.getByRole('combobox', { name: /Compare with/ }).selectOption('as_reported');
    await expect.poll(() => w.page.url()).toContain('compare=as_reported');
    await card.getByRole('button', { name: 'Show table' }).click();
    await expect
      .poll(() => card.getByRole('row').first().textContent())
      .toContain('As reported (GP reporting practice)');
    expect(await card.getByRole('row').first().textContent()).toContain('Current rules');
    expect(await card.getByRole('row').first().textContent()).toContain(
      'Difference (As reported (GP reporting practice) minus the current rules)'
    );
    // The preset's figures arrive after the URL changes: wait for them as a reader would.
    await expect
      .poll(() => card.getByRole('row', { name: /Chemical weapons destruction/ }).textContent())
      .toMatch(/\+\$1\.5 bn/);
    await w.context.close();
  });

  test('unpriced needs are shown as a count, and illustrative data is marked', async () => {
    const w = await open('/funding');
    const card = w.page.locator('section.card', {
      has: w.page.getByRole('heading', { name: /by priority area/ })
    });
    expect(await card.getByText('Includes illustrative data').count()).toBe(1);
    expect(await card.locator('g.illustrative rect').count()).toBeGreaterThan(0);
    expect(await card.locator('g.needs-notes text').last().textContent()).toBe('1 not priced');
    await w.context.close();
  });
});
