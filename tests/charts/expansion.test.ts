import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildPartnersMap, joinCohorts } from '../../src/lib/charts/partners-map';
import { buildPartnersOverTime, joinMarkWords } from '../../src/lib/charts/partners-over-time';
import { COLORS } from '../../src/lib/charts/theme';
import { countryFeatures } from '../../src/lib/charts/world';
import type { JoinRow, PartnersByRegionRow } from '../../src/lib/data/queries/expansion';
import type { StateStatusRow } from '../../src/lib/data/queries/expansion-states';
import { chartDocument, normaliseSvg } from './svg';

const rows: PartnersByRegionRow[] = [
  { year: 2002, region: 'Europe', known: 5, yearUnknown: 0, illustrative: 0 },
  { year: 2002, region: 'European Union', known: 1, yearUnknown: 0, illustrative: 0 },
  { year: 2003, region: 'Europe', known: 11, yearUnknown: 0, illustrative: 0 },
  { year: 2003, region: 'European Union', known: 1, yearUnknown: 0, illustrative: 0 },
  { year: 2004, region: 'Europe', known: 11, yearUnknown: 2, illustrative: 0 },
  { year: 2004, region: 'Asia', known: 1, yearUnknown: 0, illustrative: 0 },
  { year: 2004, region: 'European Union', known: 1, yearUnknown: 0, illustrative: 0 }
];
const joins: JoinRow[] = [
  { year: 2002, yearKnown: true, partners: 6, names: 'A, B, C, D, E, EU', regions: 'Europe, European Union' },
  { year: 2003, yearKnown: true, partners: 6, names: 'F, G, H, I, J, K', regions: 'Europe' },
  { year: 2004, yearKnown: true, partners: 1, names: 'L', regions: 'Asia' },
  { year: 2004, yearKnown: false, partners: 2, names: 'M, N', regions: 'Europe' }
];

describe('buildPartnersOverTime', () => {
  test('stacks regions, draws the total as a step line, hatches unknown join years and marks joins', () => {
    const svg = buildPartnersOverTime(rows, joins, { width: 640, id: 't', document: chartDocument() });
    expect(svg.querySelectorAll('g.region-bars rect')).toHaveLength(7);
    expect(svg.querySelectorAll('g.year-unknown rect')).toHaveLength(1);
    expect(svg.querySelectorAll('g.total-step path')).toHaveLength(1);
    expect([...svg.querySelectorAll('g.join-labels text')].map((t) => t.textContent)).toEqual([
      '+6',
      '+6',
      '+1'
    ]);
  });

  test('matches the committed snapshot', async () => {
    const svg = buildPartnersOverTime(rows, joins, { width: 640, id: 't', document: chartDocument() });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/partners-over-time.svg');
  });

  test('a selected state: every bar kept, its region in full, the others faded, its join year marked', async () => {
    const l = { name: 'L', region: 'Asia', status: 'partner' as const, joinYear: 2004, yearKnown: true };
    const svg = buildPartnersOverTime(rows, joins, {
      width: 640,
      id: 't',
      selected: l,
      document: chartDocument()
    });
    // Each region has its colour: Asia's bars in full, the others faded.
    const bars = [...svg.querySelectorAll('g.region-bars rect')].map((r) => ({
      asia: r.getAttribute('fill') === COLORS.region.Asia,
      opacity: Number(r.getAttribute('fill-opacity') ?? 1)
    }));
    expect(bars).toHaveLength(7);
    for (const b of bars) expect(b.opacity).toBe(b.asia ? 1 : 0.3);
    expect(svg.querySelector('g.selected-join-label text')?.textContent).toBe('L joins');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/partners-over-time-selected.svg');
    // A join year no source gives is said so; a year the chart does not draw is not marked; nor is an observer.
    expect(joinMarkWords({ ...l, name: 'M', yearKnown: false })).toBe(
      'M: confirmed by 2004, join year not recorded'
    );
    const later = buildPartnersOverTime(rows, joins, {
      width: 640,
      id: 't',
      selected: { ...l, joinYear: 2012 },
      document: chartDocument()
    });
    expect(later.querySelectorAll('g.selected-join line')).toHaveLength(0);
    expect(joinMarkWords({ ...l, status: 'observer', joinYear: null })).toBeNull();
  });
});

describe('buildPartnersMap', () => {
  const world = countryFeatures(
    JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'))
  );
  const state = (
    entityId: string,
    status: StateStatusRow['status'],
    joinYear: number | null,
    yearKnown = true
  ): StateStatusRow => ({
    entityId,
    name: entityId,
    region: null,
    status,
    joinYear,
    yearKnown,
    history: `${status} history`,
    sources: 'A source',
    illustrative: false
  });
  const states = [
    state('FRA', 'partner', 2002),
    state('KAZ', 'partner', 2012),
    state('CHL', 'partner', 2020, false),
    state('MEX', 'observer', null)
  ];
  const few = world.filter((f) => ['250', '398', '152', '484', '076'].includes(String(f.id)));

  test('colours partners by join year, hatches unknown years, and leaves non-members neutral', () => {
    expect(joinCohorts(states).map((c) => c.year)).toEqual([2002, 2012]);
    const svg = buildPartnersMap(few, states, { width: 640, id: 'm', document: chartDocument() });
    const fills = new Map(
      [...svg.querySelectorAll('g.countries path')].map((p) => [
        p.getAttribute('aria-label'),
        p.getAttribute('fill')
      ])
    );
    expect(fills.get('FRA')).toBe('#08306b');
    expect(fills.get('CHL')).toBe('url(#m-hatch-unknown)');
    expect(fills.get('MEX')).toBe('#efb118');
    expect(fills.get('Brazil')).toBe('#e6e8eb');
  });

  test('matches the committed snapshot', async () => {
    const svg = buildPartnersMap(few, states, { width: 640, id: 'm', document: chartDocument() });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/partners-map.svg');
  });

  test('a selected state: each state with a standing a link, the selected one in full, the others faded', async () => {
    const svg = buildPartnersMap(few, states, {
      width: 640,
      id: 'm',
      selectable: true,
      selected: 'FRA',
      document: chartDocument()
    });
    const links = [...svg.querySelectorAll('g.countries a')].map((a) => a.getAttribute('href')).sort();
    expect(links).toEqual(['#select:CHL', '#select:FRA', '#select:KAZ', '#select:MEX']);
    const opacity = (label: string) =>
      Number(svg.querySelector(`g.countries path[aria-label="${label}"]`)?.getAttribute('fill-opacity') ?? 1);
    expect(opacity('FRA')).toBe(1);
    expect(opacity('KAZ')).toBeLessThan(0.5);
    expect(opacity('Brazil')).toBe(1);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('./__snapshots__/partners-map-selected.svg');
  });
});
