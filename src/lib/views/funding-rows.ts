/**
 * The funding view's rows reshaped for its cards: the amount at a stage, partners ranked, the two rule sets side
 * by side, the years a table lists, the headline figures and the scope in words. Pure, so tests pin them.
 */
import { AREA_LABELS } from '$lib/charts/theme';
import { PRIORITY_AREAS, type PriorityArea } from '$lib/data/contract';
import type { Stage } from '$lib/data/counting-rules';
import {
  OTHER_PARTNERS_ID,
  type CountedTotal,
  type DonorMoneyRow,
  type DonorOption,
  type FundingFilters,
  type MoneyRow
} from '$lib/data/queries/funding';
import { type NeedsRow } from '$lib/data/queries/needs';
import { tableFromRows, type ExportTable } from '$lib/export/table';
import { formatCount, formatMoneyFull, formatMoneyShort, formatShare } from '$lib/format';
import { yearsWords } from '$lib/words';
import type { Chip } from './selection';

/** The amount counted for one category (an area, a partner, a year) at one stage; nothing counted is 0. */
export function amountAt<R extends MoneyRow>(
  rows: readonly R[],
  stage: Stage,
  match: (r: R) => boolean
): number {
  return rows.find((r) => r.stage === stage && match(r))?.amount ?? 0;
}

/** Rows for the stage-bars chart, keyed by the category each is about (an area, a partner). */
export function keyedBy<R>(rows: readonly R[], key: (r: R) => string): (R & { key: string })[] {
  return rows.map((r) => ({ ...r, key: key(r) }));
}

/** Partners in chart order: most money at the rules' stage first, "Other partners" last. */
export function rankPartners(rows: readonly DonorMoneyRow[], stage: Stage): { key: string; label: string }[] {
  const partners = [...new Map(rows.map((r) => [r.donorId, { key: r.donorId, label: r.donor }])).values()];
  const counted = (key: string) => amountAt(rows, stage, (r) => r.donorId === key);
  return partners.sort(
    (a, b) =>
      Number(a.key === OTHER_PARTNERS_ID) - Number(b.key === OTHER_PARTNERS_ID) ||
      counted(b.key) - counted(a.key)
  );
}

export interface ComparedArea {
  area: PriorityArea;
  /** Under the current rules, at their stage. */
  current: number;
  /** Under the rule set compared with, at its stage. */
  compared: number;
  /** Compared minus current: what switching to the compared rules would add (+) or remove (−). */
  difference: number;
}

/** Every priority area under both rule sets; the difference is always the compared set minus the current one. */
export function compareByArea(
  current: readonly (MoneyRow & { area: string })[],
  currentStage: Stage,
  compared: readonly (MoneyRow & { area: string })[],
  comparedStage: Stage
): ComparedArea[] {
  return PRIORITY_AREAS.map((area) => {
    const a = amountAt(current, currentStage, (r) => r.area === area);
    const b = amountAt(compared, comparedStage, (r) => r.area === area);
    return { area, current: a, compared: b, difference: b - a };
  });
}

/** The direction of every difference shown, in words: on the chart, in its table and in its export. */
export const differenceWords = (comparedLabel: string) => `${comparedLabel} minus the current rules`;

/** The comparison as its export writes it: snake_case columns, and the direction of the difference named. */
export function comparisonTable(rows: readonly ComparedArea[], comparedLabel: string): ExportTable {
  return tableFromRows(
    rows.map((r) => ({
      area: r.area,
      currentRules: r.current,
      comparedWith: r.compared,
      difference: r.difference,
      differenceIs: differenceWords(comparedLabel)
    }))
  );
}

/** A money row as its export writes it: the largest project named as such (the rows behind it are counted). */
const exported = <R extends MoneyRow>({ labels, ...r }: R) => ({ ...r, largestProject: labels });

/** The rows of a money chart (a bar per category and stage), for export. */
export function moneyTable(money: readonly MoneyRow[]): ExportTable {
  return tableFromRows(money.map(exported));
}

/** The rows of a money-against-needs chart, for export: its bars (one per stage) and its needs. */
export function moneyAndNeedsTable(money: readonly MoneyRow[], needs: readonly NeedsRow[]): ExportTable {
  return tableFromRows([
    ...money.map((r) => ({ series: r.stage, ...exported(r) })),
    ...needs.map((n) => ({ series: 'needs', ...n }))
  ]);
}

/** Needs by area: those a chart can place, and the one row of those whose area is not recorded. */
export function needsByPlacedArea<N extends NeedsRow & { area: PriorityArea | null }>(needs: readonly N[]) {
  return {
    placed: needs.filter((n): n is N & { area: PriorityArea } => n.area !== null),
    unplaced: needs.find((n) => n.area === null)
  };
}

/** Needs by year: those a chart can place, and the one row of those whose year is not recorded. */
export function needsByPlacedYear<N extends NeedsRow & { year: number | null }>(needs: readonly N[]) {
  return {
    placed: needs.filter((n): n is N & { year: number } => n.year !== null),
    unplaced: needs.find((n) => n.year === null)
  };
}

/** The years a per-year table lists: every year with money or needs, in order; years not given (null) last. */
export function yearsListed(
  money: readonly { year: number | null }[],
  needs: readonly { year: number | null }[]
): (number | null)[] {
  const years = new Set([...money.map((r) => r.year), ...needs.map((n) => n.year)]);
  return [...years].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
}

/**
 * What the filters show, in words, for subtitles: "Donor: Canada; all priority areas; 2005–2012", and what a year
 * range leaves out: "(left out: $1.3 bn from 6 rows whose years the sources do not give)".
 */
export function scopeWords(
  f: FundingFilters,
  donors: readonly DonorOption[] | undefined,
  leftOut?: CountedTotal & { stage: Stage }
): string {
  const donorName = donors?.find((d) => d.donorId === f.donor)?.name ?? f.donor;
  const years = yearsWords(f.yearFrom, f.yearTo);
  const outside = leftOut?.rows
    ? ` (left out: ${formatMoneyShort(leftOut.amount)} ${leftOut.stage} from ${formatCount(leftOut.rows)} ${leftOut.rows === 1 ? 'row' : 'rows'} whose years the sources do not give)`
    : '';
  return [
    f.donor ? `Donor: ${donorName}` : 'All donors',
    f.area ? AREA_LABELS[f.area] : 'all priority areas',
    years + outside
  ].join('; ');
}

/** The selections as chips: the partner, the priority area and the year range, each one filter of the view. */
export function selectionChips(f: FundingFilters, donors: readonly DonorOption[] | undefined): Chip[] {
  const donorName = donors?.find((d) => d.donorId === f.donor)?.name ?? f.donor;
  return [
    ...(f.donor
      ? [{ field: 'donor', label: `Partner: ${donorName}`, participant: { id: f.donor, name: donorName! } }]
      : []),
    ...(f.area ? [{ field: 'area', label: `Priority area: ${AREA_LABELS[f.area]}` }] : []),
    ...(f.yearFrom !== null || f.yearTo !== null
      ? [{ field: 'years', label: `Years: ${yearsWords(f.yearFrom, f.yearTo)}` }]
      : [])
  ];
}

/** The headline figures: money counted, its illustrative share, priced needs and coverage, needs not priced. */
export function fundingFigures(stage: Stage, total: CountedTotal, needs: readonly NeedsRow[]) {
  const priced = needs.reduce((s, n) => s + n.priced, 0);
  const unpriced = needs.reduce((s, n) => s + n.unpriced, 0);
  return [
    {
      label: `Counted, ${stage}`,
      value: formatMoneyShort(total.amount),
      note: `${formatMoneyFull(total.amount)} from ${formatCount(total.rows)} rows`
    },
    {
      label: 'Of which illustrative',
      value: formatShare(total.illustrative, total.amount, 'nothing counted'),
      note:
        total.illustrative > 0
          ? `${formatMoneyShort(total.illustrative)}: made up to show the features`
          : 'none'
    },
    {
      label: 'Priced needs',
      value: formatMoneyShort(priced),
      note: priced > 0 ? `coverage ${formatShare(total.amount, priced)}` : 'no priced needs: no coverage'
    },
    { label: 'Needs not priced', value: formatCount(unpriced), note: 'counted, never summed as zero' }
  ];
}
