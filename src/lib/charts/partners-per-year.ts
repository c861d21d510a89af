/** Home chart: GP partners per year, the unknown join years shown as a hatched, labelled part of each bar. */
import * as Plot from '@observablehq/plot';
import type { PartnersPerYearRow } from '$lib/data/queries/home';
import { formatCount } from '$lib/format';
import { CHART_FONT, CHART_HEIGHT, COLORS, addHatches, hatchId } from './theme';
import { drawable } from './drawable';

export const PARTNERS_SERIES = {
  known: 'Partner, join year recorded',
  yearUnknown: 'Partner, join year not recorded (counted from the year a source confirms it)'
} as const;

export interface PartnersChartOptions {
  width: number;
  /** Unique on the page: names the hatch pattern. */
  id: string;
  /** Where to create the SVG; tests pass jsdom's. */
  document?: Document;
}

interface Bar {
  year: number;
  series: keyof typeof PARTNERS_SERIES;
  partners: number;
  total: number;
  /** Partners that year resting on illustrative sources. */
  illustrative: number;
}

/** Tidy bars: one per year and series, only where there is something to draw. */
export function partnersBars(rows: readonly PartnersPerYearRow[]): Bar[] {
  return rows.flatMap((r) =>
    (['known', 'yearUnknown'] as const)
      .map((series) => ({
        year: r.year,
        series,
        partners: r[series],
        total: r.known + r.yearUnknown,
        illustrative: r.illustrative
      }))
      .filter((b) => b.partners > 0)
  );
}

export function buildPartnersChart(
  given: readonly PartnersPerYearRow[],
  { width, id, document }: PartnersChartOptions
): Element {
  const rows = drawable(given, ['year', 'known', 'yearUnknown', 'illustrative']);
  const bars = partnersBars(rows);
  const tip = (b: Bar) =>
    `${b.year}: ${formatCount(b.total)} partners` +
    (b.series === 'yearUnknown' ? `\n${formatCount(b.partners)} with join year not recorded` : '') +
    (b.illustrative ? `\nIncludes ${formatCount(b.illustrative)} on illustrative sources` : '');
  const chart = Plot.plot({
    document,
    width,
    height: CHART_HEIGHT,
    marginLeft: 40,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'GP partners per year',
    ariaDescription: rows.length
      ? `Bar chart of GP partners per year from ${rows[0]!.year} to ${rows.at(-1)!.year}.`
      : 'No partners recorded.',
    x: { type: 'band', label: null, tickFormat: (y: number) => (y % 2 === 0 ? String(y) : '') },
    y: { label: 'Partners', grid: true, nice: true },
    marks: [
      Plot.barY(
        bars.filter((b) => b.series === 'known'),
        {
          x: 'year',
          y: 'partners',
          fill: COLORS.partner,
          // Illustrative memberships keep their colour, faded; the tooltip and the card say so.
          fillOpacity: (b: Bar) => (b.illustrative ? 0.45 : 1),
          title: tip,
          ariaLabel: tip,
          ariaDescription: PARTNERS_SERIES.known,
          className: 'bars-known'
        }
      ),
      Plot.barY(
        bars.filter((b) => b.series === 'yearUnknown'),
        {
          x: 'year',
          y1: (b: Bar) => b.total - b.partners,
          y2: 'total',
          fill: `url(#${hatchId(id, 'unknown')})`,
          stroke: COLORS.partnerYearUnknown,
          strokeWidth: 1,
          title: tip,
          ariaLabel: tip,
          ariaDescription: PARTNERS_SERIES.yearUnknown,
          className: 'bars-year-unknown'
        }
      ),
      Plot.ruleY([0], { ariaHidden: 'true' })
    ]
  });
  addHatches(chart, id, { unknown: COLORS.partnerYearUnknown });
  return chart;
}
