import { describe, expect, test } from 'vitest';
import { buildRegionGaps, regionNote, type RegionGap } from '../../src/lib/charts/region-gaps';
import { regionGaps, withLinks, type GapRow } from '../../src/lib/views/needs-match';
import { chartDocument, normaliseSvg } from './svg';

const gap = (over: Partial<GapRow>): GapRow => ({
  region: 'Asia',
  area: 'biological_security',
  requests: 1,
  open: 1,
  openWithoutPartner: 0,
  priced: 0,
  pricedCount: 0,
  unpriced: 1,
  pricedIllustrative: 0,
  funding: 0,
  fundingIllustrative: 0,
  ...over
});

const gaps: GapRow[] = [
  gap({ priced: 12e6, pricedCount: 1, unpriced: 0, pricedIllustrative: 12e6, funding: 3e6 }),
  gap({ area: 'resolution_1540', openWithoutPartner: 1, funding: 5e6, fundingIllustrative: 1e6 }),
  gap({ region: null, area: null, requests: 2, open: 0, unpriced: 2 }),
  gap({ region: 'Africa', requests: 0, open: 0, unpriced: 0, funding: 2e6 })
];
const regions = regionGaps(gaps);
const build = (rows: readonly RegionGap[]) =>
  buildRegionGaps(rows, { width: 800, id: 'test', stage: 'disbursed', document: chartDocument() });

describe('gaps and coverage by region', () => {
  test('sums the areas of each region; regions by name, "not recorded" last', () => {
    expect(regions.map((r) => [r.region, r.requests, r.priced, r.unpriced, r.funding])).toEqual([
      ['Africa', 0, 0, 0, 2e6],
      ['Asia', 2, 12e6, 1, 8e6],
      [null, 2, 0, 2, 0]
    ]);
  });

  test('an unpriced region has no requested bar: its requests are counted in words, never drawn as zero', () => {
    const svg = build(regions);
    // Asia's priced requests, and every region's counted money: 1 + 3 bars.
    expect(svg.querySelectorAll('g.gap-bars rect')).toHaveLength(4);
    const notes = [...svg.querySelectorAll('g.gap-notes text')].map((t) => t.textContent);
    expect(notes).toEqual([
      '0 requests',
      '2 requests: 1 not priced; 1 open, no partner active',
      '2 requests: 2 not priced'
    ]);
    expect(regionNote(regions[2]!)).toBe('2 requests: 2 not priced');
    expect(svg.textContent).toContain('Region not recorded');
  });

  test('stripes the illustrative parts', () => {
    const svg = build(regions);
    expect(svg.querySelectorAll('g.illustrative rect')).toHaveLength(2);
    expect(svg.querySelector('pattern#test-hatch-illustrative')).not.toBeNull();
  });

  test('matches the committed snapshot', async () => {
    await expect(normaliseSvg(build(regions))).toMatchFileSnapshot('./__snapshots__/region-gaps.svg');
  });
});

describe('the explicit links beside the candidates', () => {
  test('a linked partner in a tier carries its links; one with nothing counted comes after, with no tier', () => {
    const rows = withLinks(
      [
        {
          needId: 'n1',
          donorId: 'NOR',
          donor: 'Norway',
          tier: 'requester',
          amount: 5,
          illustrative: 0,
          contributions: 1
        }
      ],
      [
        { needId: 'n1', donorId: 'NLD', donor: 'Netherlands', linked: 1 },
        { needId: 'n1', donorId: 'NOR', donor: 'Norway', linked: 2 }
      ]
    );
    expect(rows.map((c) => [c.donorId, c.tier, c.amount, c.linked])).toEqual([
      ['NOR', 'requester', 5, 2],
      ['NLD', null, 0, 1]
    ]);
  });
});
