/**
 * Counted money per year, one line per stage (the rules' stage bold), against priced needs per year as grey bars.
 * Years with needs that are not priced are marked with their count, never as zero money. Money whose years the
 * sources do not give stands apart, in one column "years not given" after the last year, never in a guessed year.
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

export interface FundingByYearOptions {
  width: number;
  stage: Stage;
  document?: Document;
}

export function buildFundingByYear(
  givenMoney: readonly YearMoneyRow[],
  givenNeeds: readonly (NeedsRow & { year: number })[],
  { width, stage, document }: FundingByYearOptions
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
  const ticks = [...new Set(years)].sort((a, b) => a - b);
  if (undated.length) ticks.push(undatedAt);
  const yearWords = (y: number) => (undated.length && y === undatedAt ? 'years not given' : String(y));
  const tip = (r: YearMoneyRow) =>
    `${yearWords(r.year!)}: ${r.stage} ${formatMoneyFull(r.amount)} (${formatCount(r.rows)} rows)` +
    (r.illustrative > 0 ? `\nof which illustrative: ${formatMoneyFull(r.illustrative)}` : '') +
    `\n${largestWords(r)}\nSources: ${r.sources}`;
  const needTip = (n: NeedsRow & { year: number }) =>
    `${n.year}: priced needs ${formatMoneyFull(n.priced)} (${formatCount(n.pricedCount)})` +
    (n.unpriced ? `; ${formatCount(n.unpriced)} not priced` : '') +
    `\nSources: ${n.sources}`;
  return Plot.plot({
    document,
    width,
    height: CHART_HEIGHT + 20,
    marginLeft: 60,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'Counted money per year by stage, against priced needs per year',
    x: { label: null, tickFormat: yearWords, ticks, interval: 1 },
    y: { label: 'US dollars (nominal)', grid: true, tickFormat: formatMoneyShort, nice: true },
    color: { domain: STAGES, range: STAGES.map((s) => COLORS.stage[s]) },
    marks: [
      Plot.barY(needs, {
        x: 'year',
        y: 'priced',
        fill: '#d5d9df',
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
          fillOpacity: 0.3,
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
        stroke: (r: YearMoneyRow) => (r.illustrative > 0 ? COLORS.sourceKind.illustrative : 'white'),
        title: tip,
        tip: { fontSize: 12, lineHeight: 1.3 },
        className: 'stage-dots'
      }),
      Plot.ruleY([0])
    ]
  });
}
