/**
 * Partners per year by region: stacked bars with the total as a step line, "+N" over the years with joins, and
 * partners whose join year is not recorded as a hatched part on top, never placed in a guessed year.
 */
import * as Plot from '@observablehq/plot';
import type { JoinRow, PartnersByRegionRow } from '$lib/data/queries/expansion';
import { formatCount } from '$lib/format';
import { CHART_FONT, CHART_HEIGHT, COLORS, REGION_ORDER, addHatches, hatchId } from './theme';

export interface PartnersOverTimeOptions {
  width: number;
  id: string;
  document?: Document;
}

export interface YearTotal {
  year: number;
  known: number;
  yearUnknown: number;
  total: number;
}

/** Totals per year, summed over regions. */
export function yearTotals(rows: readonly PartnersByRegionRow[]): YearTotal[] {
  const byYear = new Map<number, YearTotal>();
  for (const r of rows) {
    const t = byYear.get(r.year) ?? { year: r.year, known: 0, yearUnknown: 0, total: 0 };
    t.known += r.known;
    t.yearUnknown += r.yearUnknown;
    t.total += r.known + r.yearUnknown;
    byYear.set(r.year, t);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function buildPartnersOverTime(
  rows: readonly PartnersByRegionRow[],
  joins: readonly JoinRow[],
  { width, id, document }: PartnersOverTimeOptions
): Element {
  const totals = yearTotals(rows);
  const known = rows.filter((r) => r.known > 0);
  const regions = REGION_ORDER.filter((r) => known.some((k) => k.region === r));
  const joined = new Map<number, number>();
  for (const j of joins) if (j.yearKnown) joined.set(j.year, (joined.get(j.year) ?? 0) + j.partners);
  const tip = (t: YearTotal) =>
    `${t.year}: ${formatCount(t.total)} partners` +
    (t.yearUnknown ? `, of which ${formatCount(t.yearUnknown)} with join year not recorded` : '');
  const chart = Plot.plot({
    document,
    width,
    height: CHART_HEIGHT + 40,
    marginLeft: 40,
    marginTop: 24,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'GP partners per year by region',
    x: {
      type: 'band',
      label: null,
      tickFormat: (y: number) => (y % 2 === 0 ? String(y) : ''),
      padding: 0.15
    },
    y: {
      label: 'Partners',
      grid: true,
      nice: true,
      domain: [0, Math.max(5, ...totals.map((t) => t.total)) * 1.1]
    },
    color: { domain: REGION_ORDER, range: REGION_ORDER.map((r) => COLORS.region[r]!) },
    marks: [
      Plot.barY(
        known,
        Plot.stackY({
          x: 'year',
          y: 'known',
          fill: 'region',
          order: regions,
          title: (r: PartnersByRegionRow) => `${r.year}, ${r.region}: ${formatCount(r.known)} partners`,
          tip: { fontSize: 12 },
          className: 'region-bars'
        })
      ),
      Plot.barY(
        totals.filter((t) => t.yearUnknown > 0),
        {
          x: 'year',
          y1: 'known',
          y2: 'total',
          fill: `url(#${hatchId(id, 'unknown')})`,
          stroke: COLORS.partner,
          title: tip,
          className: 'year-unknown'
        }
      ),
      Plot.lineY(totals, {
        x: 'year',
        y: 'total',
        curve: 'step',
        stroke: COLORS.ink,
        strokeWidth: 1.5,
        className: 'total-step'
      }),
      Plot.text(
        totals.filter((t) => joined.has(t.year)),
        {
          x: 'year',
          y: 'total',
          text: (t: YearTotal) => `+${joined.get(t.year)}`,
          dy: -9,
          fontWeight: 700,
          className: 'join-labels'
        }
      ),
      Plot.ruleY([0])
    ]
  });
  addHatches(chart, id, { unknown: COLORS.partner });
  return chart;
}
