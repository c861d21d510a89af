/**
 * Counted money per year, one line per stage (the rules' stage bold), against priced needs per year as grey bars.
 * Years with needs that are not priced are marked with their count, never as zero money. Money whose years the
 * sources do not give stands apart, in one column "years not given" after the last year, never in a guessed year.
 * Selectable, each year's column is a link (select-links.ts) that selects that year; the selected years are shaded
 * and the marks outside them faded, every year still drawn.
 */
import * as Plot from '@observablehq/plot';
import { STAGES } from '$lib/data/contract';
import type { Stage } from '$lib/data/counting-rules';
import type { YearMoneyRow } from '$lib/data/queries/funding';
import type { NeedsRow } from '$lib/data/queries/needs';
import { formatCount, formatMoneyFull, formatMoneyShort } from '$lib/format';
import { largestWords } from '$lib/words';
import { CHART_FONT, CHART_HEIGHT, COLORS } from './theme';
import { drawable, isDrawable } from './drawable';
import { selectHref } from './select-links';

export interface FundingByYearOptions {
  width: number;
  stage: Stage;
  document?: Document;
  /** Each year's column is a selectable mark: a click or Enter selects that year (a drag, a range: PlotChart). */
  selectable?: boolean;
  /** The selected years (the view's year range); either end may be open. */
  selected?: { from: number | null; to: number | null };
}

/** A year, in a range whose ends may be open; no range (both open) holds no year as selected. */
const inRange = (year: number, { from, to }: { from: number | null; to: number | null }) =>
  (from !== null || to !== null) && year >= (from ?? -Infinity) && year <= (to ?? Infinity);

export function buildFundingByYear(
  givenMoney: readonly YearMoneyRow[],
  givenNeeds: readonly (NeedsRow & { year: number })[],
  { width, stage, document, selectable, selected = { from: null, to: null } }: FundingByYearOptions
): Element {
  // A year that is null is "years not given"; one that is no number has no place.
  const money = drawable(givenMoney, ['amount', 'rows', 'illustrative']).filter(
    (r) => r.year === null || isDrawable(r.year)
  );
  const needs = drawable(givenNeeds, ['year', 'priced', 'pricedCount', 'unpriced', 'illustrative']);
  const dated = money.filter((r) => r.year !== null);
  const years = [...dated.map((r) => r.year!), ...needs.map((n) => n.year)];
  // The column of amounts whose years are not given: two steps after the last year, so no line reaches it.
  const undatedAt = years.length ? Math.max(...years) + 2 : 0;
  const undated = money.filter((r) => r.year === null).map((r) => ({ ...r, year: undatedAt }));
  const yearsDrawn = [...new Set(years)].sort((a, b) => a - b);
  const ticks = undated.length ? [...yearsDrawn, undatedAt] : yearsDrawn;
  const yearWords = (y: number) => (undated.length && y === undatedAt ? 'years not given' : String(y));
  const tip = (r: YearMoneyRow) =>
    `${yearWords(r.year!)}: ${r.stage} ${formatMoneyFull(r.amount)} (${formatCount(r.rows)} rows)` +
    (r.illustrative > 0 ? `\nof which illustrative: ${formatMoneyFull(r.illustrative)}` : '') +
    `\n${largestWords(r)}\nSources: ${r.sources}`;
  const needTip = (n: NeedsRow & { year: number }) =>
    `${n.year}: priced needs ${formatMoneyFull(n.priced)} (${formatCount(n.pricedCount)})` +
    (n.unpriced ? `; ${formatCount(n.unpriced)} not priced` : '') +
    `\nSources: ${n.sources}`;
  // Outside a selected range a mark is faded, never removed: the chart clicked in keeps every year.
  const ranged = selected.from !== null || selected.to !== null;
  const opacity = (year: number) => (ranged && (year === undatedAt || !inRange(year, selected)) ? 0.3 : 1);
  // The y scale's top, fixed here so a year's column (the mark that selects it) spans the whole height.
  const highest = Math.max(0, ...money.map((r) => r.amount), ...needs.map((n) => n.priced));
  const [, top] = [...Plot.scale({ y: { domain: [0, highest], nice: true } }).domain!] as number[];
  const counted = (year: number) => dated.find((r) => r.year === year && r.stage === stage)?.amount ?? 0;
  const pricedIn = (year: number) => needs.find((n) => n.year === year)?.priced;
  const columnWords = (year: number) =>
    `${year}: ${formatMoneyFull(counted(year))} ${stage}` +
    (pricedIn(year) !== undefined ? `; priced needs ${formatMoneyFull(pricedIn(year)!)}` : '') +
    (selected.from === year && selected.to === year
      ? ' (selected; select again to clear)'
      : inRange(year, selected)
        ? ' (in the selected years)'
        : '');
  return Plot.plot({
    document,
    width,
    height: CHART_HEIGHT + 20,
    marginLeft: 60,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'Counted money per year by stage, against priced needs per year',
    x: { label: null, tickFormat: yearWords, ticks, interval: 1 },
    y: { label: 'US dollars (nominal)', grid: true, tickFormat: formatMoneyShort, domain: [0, top] },
    color: { domain: STAGES, range: STAGES.map((s) => COLORS.stage[s]) },
    marks: [
      // The selected years, shaded behind everything.
      Plot.barY(
        yearsDrawn.filter((year) => inRange(year, selected)),
        { x: (year: number) => year, y1: 0, y2: top, fill: '#eef4ff', className: 'selected-years' }
      ),
      Plot.barY(needs, {
        x: 'year',
        y: 'priced',
        fill: '#d5d9df',
        fillOpacity: (n: { year: number }) => opacity(n.year),
        title: needTip,
        className: 'needs'
      }),
      Plot.text(
        needs.filter((n) => n.unpriced > 0),
        {
          x: 'year',
          y: 0,
          text: (n: NeedsRow) => `+${n.unpriced}`,
          dy: -8,
          fill: COLORS.muted,
          className: 'unpriced'
        }
      ),
      Plot.barY(
        undated.filter((r) => r.stage === stage),
        {
          x: 'year',
          y: 'amount',
          fill: COLORS.stage[stage],
          fillOpacity: 0.3 * opacity(undatedAt),
          title: tip,
          className: 'undated'
        }
      ),
      Plot.lineY(dated, {
        x: 'year',
        y: 'amount',
        stroke: 'stage',
        strokeWidth: (r: YearMoneyRow) => (r.stage === stage ? 3 : 1.5),
        z: 'stage',
        className: 'stage-lines'
      }),
      Plot.dot([...dated, ...undated], {
        x: 'year',
        y: 'amount',
        fill: 'stage',
        r: (r: YearMoneyRow) => (r.stage === stage ? 4 : 2.5),
        fillOpacity: (r: YearMoneyRow) => opacity(r.year!),
        stroke: (r: YearMoneyRow) => (r.illustrative > 0 ? COLORS.sourceKind.illustrative : 'white'),
        title: tip,
        tip: { fontSize: 12, lineHeight: 1.3 },
        className: 'stage-dots'
      }),
      Plot.ruleY([0]),
      // Last, so a pointer anywhere in a year's column selects it; Plot's tips still follow the pointer.
      ...(selectable
        ? [
            Plot.barY(yearsDrawn, {
              x: (year: number) => year,
              y1: 0,
              y2: top,
              fill: 'transparent',
              title: (year: number) =>
                `${columnWords(year)}\nSelect to show this year alone; drag across years for a range.`,
              href: (year: number) => selectHref(String(year)),
              ariaLabel: columnWords,
              className: 'year-columns'
            })
          ]
        : [])
    ]
  });
}
