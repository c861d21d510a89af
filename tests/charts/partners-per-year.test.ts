import { describe, expect, test } from 'vitest';
import { buildPartnersChart, partnersBars } from '../../src/lib/charts/partners-per-year';
import type { PartnersPerYearRow } from '../../src/lib/data/queries/home';
import { chartDocument, normaliseSvg } from './svg';

const rows: PartnersPerYearRow[] = [
  { year: 2002, known: 9, yearUnknown: 0, illustrative: 0 },
  { year: 2003, known: 15, yearUnknown: 0, illustrative: 0 },
  { year: 2004, known: 23, yearUnknown: 0, illustrative: 0 },
  { year: 2017, known: 27, yearUnknown: 1, illustrative: 0 },
  { year: 2020, known: 27, yearUnknown: 5, illustrative: 0 }
];

describe('buildPartnersChart', () => {
  test('draws one bar per year, and a hatched bar on top only where join years are unknown', () => {
    const svg = buildPartnersChart(rows, { width: 640, id: 'test', document: chartDocument() });
    expect(svg.querySelectorAll('g.bars-known rect')).toHaveLength(5);
    const unknown = svg.querySelectorAll('g.bars-year-unknown rect');
    expect(unknown).toHaveLength(2);
    expect(svg.querySelector('g.bars-year-unknown')!.getAttribute('fill')).toBe('url(#test-hatch-unknown)');
    expect(svg.querySelector('pattern#test-hatch-unknown')).not.toBeNull();
    expect(svg.getAttribute('aria-label')).toBe('GP partners per year');
  });

  test('names the unknown part in the tooltip', () => {
    expect(partnersBars(rows).filter((b) => b.series === 'yearUnknown')).toEqual([
      { year: 2017, series: 'yearUnknown', partners: 1, total: 28, illustrative: 0 },
      { year: 2020, series: 'yearUnknown', partners: 5, total: 32, illustrative: 0 }
    ]);
    const svg = buildPartnersChart(rows, { width: 640, id: 'test', document: chartDocument() });
    const titles = [...svg.querySelectorAll('title')].map((t) => t.textContent);
    expect(titles).toContain('2020: 32 partners\n5 with join year not recorded');
  });

  test('fades the years with partners on illustrative sources, and says so', () => {
    const marked = rows.map((r) => (r.year === 2004 ? { ...r, illustrative: 2 } : r));
    const svg = buildPartnersChart(marked, { width: 640, id: 'test', document: chartDocument() });
    const opacities = [...svg.querySelectorAll('g.bars-known rect')].map((r) =>
      r.getAttribute('fill-opacity')
    );
    expect(opacities).toEqual(['1', '1', '0.45', '1', '1']);
    expect(partnersBars(marked).find((b) => b.year === 2004)!.illustrative).toBe(2);
  });

  test('matches the committed snapshot', async () => {
    const svg = buildPartnersChart(rows, { width: 640, id: 'test', document: chartDocument() });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/partners-per-year.svg');
  });
});
