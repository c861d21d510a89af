import { describe, expect, test } from 'vitest';
import { buildFundingByYear } from '../../src/lib/charts/funding-by-year';
import { buildRuleComparison } from '../../src/lib/charts/rule-comparison';
import { needsNote, signedMoney } from '../../src/lib/words';
import { buildStageBars, type StageBar } from '../../src/lib/charts/stage-bars';
import { chartDocument, normaliseSvg } from './svg';

const bar = (key: string, stage: StageBar['stage'], amount: number, illustrative = 0): StageBar => ({
  key,
  stage,
  amount,
  rows: 1,
  illustrative,
  labels: 'A project',
  sources: 'A source'
});
const rows = [bar('a', 'pledged', 300e6), bar('a', 'disbursed', 120e6, 20e6), bar('b', 'committed', 50e6)];
const needs = [
  { key: 'a', priced: 200e6, pricedCount: 2, unpriced: 1, illustrative: 0, labels: 'N', sources: 'S' },
  { key: 'b', priced: 0, pricedCount: 0, unpriced: 3, illustrative: 0, labels: 'N', sources: 'S' }
];
const options = {
  width: 800,
  id: 't',
  categories: [
    { key: 'a', label: 'Area A' },
    { key: 'b', label: 'Area B' }
  ],
  stage: 'disbursed' as const,
  needs,
  ariaLabel: 'Test'
};

describe('buildStageBars', () => {
  test('one bar per stage with money, the illustrative part hatched, needs ticked where priced only', () => {
    const svg = buildStageBars(rows, { ...options, document: chartDocument() });
    expect(svg.querySelectorAll('g.stage-bars rect')).toHaveLength(3);
    expect(svg.querySelectorAll('g.illustrative rect')).toHaveLength(1);
    expect(svg.querySelectorAll('g.needs line')).toHaveLength(1);
    const notes = [...svg.querySelectorAll('g.needs-notes text')].map((t) => t.textContent);
    expect(notes).toEqual(['60% of priced needs; 1 not priced', '3 not priced']);
  });

  test('coverage is said only where needs are priced, never as a zero', () => {
    expect(needsNote(0, needs[1])).toBe('3 not priced');
    expect(needsNote(100, undefined)).toBe('no needs recorded');
  });

  test('matches the committed snapshot', async () => {
    const svg = buildStageBars(rows, { ...options, document: chartDocument() });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/stage-bars.svg');
  });

  test('selected: every category kept, the chosen one in full and the rest faded; one tab stop each', async () => {
    const svg = buildStageBars(rows, {
      ...options,
      selectable: true,
      selected: 'a',
      document: chartDocument()
    });
    const bars = [...svg.querySelectorAll('g.stage-bars a')];
    expect(bars.map((a) => a.getAttribute('href')).sort()).toEqual(['#select:a', '#select:a', '#select:b']);
    // Area B (committed, not the counted stage) is faded: 0.45 × 0.3.
    const opacity = (key: string) =>
      [...svg.querySelectorAll(`g.stage-bars a[href="#select:${key}"] rect`)].map((r) =>
        Number(r.getAttribute('fill-opacity') ?? 1)
      );
    expect(opacity('a').sort()).toEqual([0.45, 1]);
    expect(opacity('b')[0]).toBeCloseTo(0.135, 3);
    // One keyboard stop per category: the counted stage's bar, else its first; the others leave the tab order.
    const stops = bars.filter((a) => a.getAttribute('tabindex') !== '-1');
    expect(stops.map((a) => a.querySelector('[aria-label]')?.getAttribute('aria-label')).sort()).toEqual([
      'Area A: $120,000,000 disbursed (selected; select again to clear)',
      'Area B: $50,000,000 committed'
    ]);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/stage-bars-selected.svg');
  });
});

describe('buildFundingByYear and buildRuleComparison', () => {
  const money = [2010, 2011].flatMap((year) =>
    (['pledged', 'disbursed'] as const).map((stage) => ({
      year,
      ...bar('x', stage, year === 2010 ? 10e6 : 30e6)
    }))
  );
  test('lines per stage, needs bars, and unpriced counts in words', async () => {
    const svg = buildFundingByYear(money, [{ year: 2011, ...needs[0]! }], {
      width: 640,
      stage: 'disbursed',
      document: chartDocument()
    });
    expect(svg.querySelectorAll('g.stage-lines path')).toHaveLength(2);
    expect(svg.querySelectorAll('g.needs rect')).toHaveLength(1);
    expect([...svg.querySelectorAll('g.unpriced text')].map((t) => t.textContent)).toEqual(['+1']);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/funding-by-year.svg');
  });

  test('selected years: every year kept, the chosen ones shaded, the rest faded; each year a link', async () => {
    const three = [...money, { year: 2012, ...bar('x', 'disbursed', 5e6) }];
    const svg = buildFundingByYear(three, [{ year: 2011, ...needs[0]! }], {
      width: 640,
      stage: 'disbursed',
      selectable: true,
      selected: { from: 2011, to: 2011 },
      document: chartDocument()
    });
    const columns = [...svg.querySelectorAll('g.year-columns a')];
    expect(columns.map((a) => a.getAttribute('href'))).toEqual([
      '#select:2010',
      '#select:2011',
      '#select:2012'
    ]);
    expect(columns.map((a) => a.querySelector('[aria-label]')?.getAttribute('aria-label'))).toEqual([
      '2010: $10,000,000 disbursed',
      '2011: $30,000,000 disbursed; priced needs $200,000,000 (selected; select again to clear)',
      '2012: $5,000,000 disbursed'
    ]);
    expect(svg.querySelectorAll('g.selected-years rect')).toHaveLength(1);
    // Each stage's dot per year: 2011's in full, the others faded.
    const dots = [...svg.querySelectorAll('g.stage-dots circle')].map((c) =>
      Number(c.getAttribute('fill-opacity') ?? 1)
    );
    expect(dots.sort()).toEqual([0.3, 0.3, 0.3, 1, 1]);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/funding-by-year-selected.svg');
  });

  test('the comparison says each difference', async () => {
    expect(signedMoney(-3e9)).toBe('−$3 bn');
    expect(signedMoney(0)).toBe('no change');
    const svg = buildRuleComparison(
      [
        { area: 'resolution_1540', current: 10e6, compared: 10e6 },
        { area: 'fissile_material', current: 800e6, compared: 0 }
      ],
      { width: 640, labelA: 'Current', labelB: 'New money only', document: chartDocument() }
    );
    expect([...svg.querySelectorAll('g.differences text')].map((t) => t.textContent)).toEqual([
      'no change',
      '−$800 m'
    ]);
    expect(svg.querySelector('g.difference-direction text')?.textContent).toBe(
      'Difference: New money only minus Current'
    );
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/rule-comparison.svg');
  });
});
