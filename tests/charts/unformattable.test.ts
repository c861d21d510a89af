/**
 * Nothing unformattable reaches a chart: every chart builder, fed NaN, ±Infinity or null in each numeric field of
 * its rows, leaves the mark out or says "not recorded", and never writes NaN, Infinity, undefined or null, in its text
 * or its attributes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildMatrixChart } from '../../src/lib/charts/attendance-matrix';
import { buildAttendanceChart } from '../../src/lib/charts/attendance-over-time';
import { buildFundingByYear } from '../../src/lib/charts/funding-by-year';
import { buildPartnersMap } from '../../src/lib/charts/partners-map';
import { buildRegionGaps } from '../../src/lib/charts/region-gaps';
import { buildPartnersOverTime } from '../../src/lib/charts/partners-over-time';
import { buildPartnersChart } from '../../src/lib/charts/partners-per-year';
import { buildRuleComparison } from '../../src/lib/charts/rule-comparison';
import { buildStageBars, type StageBar } from '../../src/lib/charts/stage-bars';
import { countryFeatures } from '../../src/lib/charts/world';
import type { AttendanceCountRow, MatrixRow, MeetingRow } from '../../src/lib/data/queries/attendance';
import type { JoinRow, PartnersByRegionRow } from '../../src/lib/data/queries/expansion';
import type { StateStatusRow } from '../../src/lib/data/queries/expansion-states';
import { chartDocument } from './svg';

const UNFORMATTABLE = /NaN|Infinity|undefined|\bnull\b/;
const BAD_VALUES = [NaN, Infinity, -Infinity, null] as const;

/** Each row with one numeric field replaced by `bad` (every field in turn), plus all fields at once. */
function poisoned<T extends object>(rows: readonly T[], bad: number | null): T[][] {
  const fields = [
    ...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => typeof r[k as keyof T] === 'number')))
  ];
  const one = fields.map((f) =>
    rows.map((r) => (typeof r[f as keyof T] === 'number' ? { ...r, [f]: bad } : r))
  );
  const all = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? bad : v]))
  ) as T[];
  return [...one, all];
}

function expectFormattable(svg: Element, what: string) {
  const found = UNFORMATTABLE.exec(svg.outerHTML);
  expect(
    found ? svg.outerHTML.slice(Math.max(0, found.index - 120), found.index + 40) : null,
    what
  ).toBeNull();
}

const document = chartDocument();

const meeting = (id: string, start: string, recorded: boolean): MeetingRow => ({
  meetingId: id,
  dateStart: start,
  dateEnd: start,
  datePrecision: 'day',
  city: id,
  country: 'X',
  presidency: 'USA',
  presidencyName: 'United States',
  presidencyYear: Number(start.slice(0, 4)),
  format: 'regular',
  attendanceRecorded: recorded,
  attendanceNote: null,
  sourceTitle: 'A note',
  sourceKind: 'seed'
});
const meetings = [meeting('a', '2010-10-01', false), meeting('b', '2012-04-17', true)];
const counts: AttendanceCountRow[] = [
  {
    meetingId: 'b',
    group: 'state_partner',
    entities: 15,
    delegatesKnown: 10,
    delegatesUnknown: 5,
    names: 'A, B',
    sources: 'A note',
    illustrative: 1
  }
];
const matrix: MatrixRow[] = [
  {
    entityId: 'CAN',
    name: 'Canada',
    entityKind: 'state',
    meetingId: 'b',
    capacity: 'partner',
    newcomer: true,
    rank: 1,
    sourceTitle: 'A note',
    illustrative: false
  }
];
const stageBar = (key: string, stage: StageBar['stage'], amount: number): StageBar => ({
  key,
  stage,
  amount,
  rows: 2,
  illustrative: 1e6,
  labels: 'A project',
  sources: 'A source'
});
const money = [stageBar('a', 'pledged', 300e6), stageBar('a', 'disbursed', 120e6)];
const needs = [
  { key: 'a', priced: 200e6, pricedCount: 2, unpriced: 1, illustrative: 0, labels: 'N', sources: 'S' }
];
const categories = [{ key: 'a', label: 'Area A' }];
const regions: PartnersByRegionRow[] = [
  { year: 2002, region: 'Europe', known: 5, yearUnknown: 1, illustrative: 1 },
  { year: 2003, region: 'Europe', known: 11, yearUnknown: 0, illustrative: 0 }
];
const joins: JoinRow[] = [{ year: 2003, yearKnown: true, partners: 6, names: 'F, G', regions: 'Europe' }];
const states: StateStatusRow[] = [
  {
    entityId: 'FRA',
    name: 'France',
    region: 'Europe',
    status: 'partner',
    joinYear: 2002,
    yearKnown: true,
    history: 'partner',
    sources: 'A source',
    illustrative: false
  }
];
const world = countryFeatures(
  JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'))
);
const france = world.filter((f) => String(f.id) === '250');

const builders: Record<string, (bad: number | null) => Element[]> = {
  'partners per year': (bad) =>
    poisoned([{ year: 2002, known: 9, yearUnknown: 1, illustrative: 1 }], bad).map((rows) =>
      buildPartnersChart(rows, { width: 640, id: 't', document })
    ),
  'attendance over time': (bad) =>
    poisoned(counts, bad).flatMap((rows) =>
      (['entities', 'delegates'] as const).map((measure) =>
        buildAttendanceChart(meetings, rows, { width: 640, id: 't', measure, document })
      )
    ),
  'attendance matrix': (bad) =>
    poisoned(matrix, bad).map((rows) => buildMatrixChart(meetings, rows, { width: 640, id: 't', document })),
  'stage bars': (bad) => [
    ...poisoned(money, bad).map((rows) =>
      buildStageBars(rows, {
        width: 640,
        id: 't',
        categories,
        stage: 'disbursed',
        needs,
        ariaLabel: 'T',
        document
      })
    ),
    ...poisoned(needs, bad).map((n) =>
      buildStageBars(money, {
        width: 640,
        id: 't',
        categories,
        stage: 'disbursed',
        needs: n,
        ariaLabel: 'T',
        document
      })
    )
  ],
  'funding by year': (bad) => [
    ...poisoned(
      money.map((m) => ({ year: 2011, ...m })),
      bad
    ).map((rows) =>
      buildFundingByYear(rows, [{ year: 2011, ...needs[0]! }], { width: 640, stage: 'disbursed', document })
    ),
    ...poisoned([{ year: 2011, ...needs[0]! }], bad).map((n) =>
      buildFundingByYear(
        money.map((m) => ({ year: 2011, ...m })),
        n,
        { width: 640, stage: 'disbursed', document }
      )
    )
  ],
  'rule comparison': (bad) =>
    poisoned([{ area: 'fissile_material', current: 800e6, compared: 10e6 }], bad).map((rows) =>
      buildRuleComparison(rows, { width: 640, labelA: 'Current', labelB: 'New money only', document })
    ),
  'partners over time': (bad) => [
    ...poisoned(regions, bad).map((rows) =>
      buildPartnersOverTime(rows, joins, { width: 640, id: 't', document })
    ),
    ...poisoned(joins, bad).map((j) => buildPartnersOverTime(regions, j, { width: 640, id: 't', document }))
  ],
  'partners map': (bad) =>
    poisoned(states, bad).map((rows) => buildPartnersMap(france, rows, { width: 640, id: 't', document })),
  'gaps by region': (bad) =>
    poisoned(
      [
        {
          region: 'Asia',
          requests: 3,
          openWithoutPartner: 1,
          priced: 12e6,
          pricedCount: 2,
          unpriced: 1,
          pricedIllustrative: 2e6,
          funding: 8e6,
          fundingIllustrative: 1e6
        }
      ],
      bad
    ).map((rows) => buildRegionGaps(rows, { width: 640, id: 't', stage: 'disbursed', document }))
};

describe('every chart builder, fed values that are no number, writes none of them', () => {
  for (const [name, build] of Object.entries(builders)) {
    test(name, () => {
      for (const bad of BAD_VALUES) {
        for (const [i, svg] of build(bad).entries()) expectFormattable(svg, `${name}, ${bad}, case ${i}`);
      }
    });
  }
});
