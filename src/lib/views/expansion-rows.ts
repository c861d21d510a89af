/**
 * The expansion view's rows reshaped for its cards: the scope in words, the headline figures, the regions a chart
 * shows, and a state's standing or first meeting in words. Pure, so tests pin them.
 */
import { REGION_ORDER } from '$lib/charts/theme';
import { yearTotals, type YearTotal } from '$lib/charts/partners-over-time';
import type { PartnersByRegionRow, PublishedCountRow } from '$lib/data/queries/expansion';
import type { OnTheWayRow, StateStatusRow } from '$lib/data/queries/expansion-states';
import type { ExpansionFilters } from '$lib/data/queries/expansion-scope';
import { tableFromRows, type ExportTable } from '$lib/export/table';
import { formatCount, formatMeetingDate } from '$lib/format';
import { yearsWords } from '$lib/words';

/** "Asia; 2004–2013; the EU not counted". */
export function expansionScope(f: ExpansionFilters, selected?: string): string {
  return [
    f.region ?? 'all regions',
    yearsWords(f.yearFrom, f.yearTo),
    f.countEu ? 'the EU counted as a partner' : 'the EU not counted',
    ...(selected ? [`selected: ${selected}`] : [])
  ].join('; ');
}

/** The regions that have partners in these rows, in the chart's order. */
export function regionsShown(rows: readonly PartnersByRegionRow[]): string[] {
  return REGION_ORDER.filter((r) => rows.some((x) => x.region === r));
}

/** Partners of one region in one year, known and unknown join years together. */
export function partnersIn(rows: readonly PartnersByRegionRow[], year: number, region: string): number {
  const r = rows.find((x) => x.year === year && x.region === region);
  return r ? r.known + r.yearUnknown : 0;
}

/** The headline: partners in the last year, growth since the first, regions with partners, states on the way. */
export function expansionFigureItems(
  rows: readonly PartnersByRegionRow[],
  approaching: readonly OnTheWayRow[],
  countEu: boolean
) {
  const totals: YearTotal[] = yearTotals(rows);
  const first = totals[0];
  const last = totals.at(-1);
  return [
    {
      label: last ? `Partners in ${last.year}` : 'Partners',
      value: last ? formatCount(last.total) : '–',
      note: last?.yearUnknown ? `${formatCount(last.yearUnknown)} with join year not recorded` : undefined
    },
    {
      label: first && last ? `Growth since ${first.year}` : 'Growth',
      value: first && last ? `+${formatCount(last.total - first.total)}` : '–',
      note: first ? `from ${formatCount(first.total)}` : undefined
    },
    {
      label: 'Regions with partners',
      value: last
        ? formatCount(new Set(rows.filter((r) => r.year === last.year).map((r) => r.region)).size)
        : '–',
      note: countEu ? 'the EU counted on its own' : undefined
    },
    {
      label: 'On the way',
      value: formatCount(approaching.length),
      note: 'observers, invitees and non-member attendees'
    }
  ];
}

/** The last year the rows show, if any: the year the map's standings are for. */
export function lastYear(rows: readonly PartnersByRegionRow[]): number | undefined {
  return yearTotals(rows).at(-1)?.year;
}

/** The partners chart's rows for export: the counts per year and region, and the published counts beside them. */
export function partnersExportTable(
  rows: readonly PartnersByRegionRow[],
  published: readonly PublishedCountRow[]
): ExportTable {
  return tableFromRows([
    ...rows.map((r) => ({ series: 'counted', ...r })),
    ...published.map((p) => ({
      series: 'published',
      year: p.year,
      publishedCount: p.count,
      includesEu: p.includesEu,
      countedHere: p.counted,
      wording: p.wording,
      source: p.publisher ?? p.sourceTitle
    }))
  ]);
}

/** A state's standing in words: "partner, joined 2004", "partner by 2020, join year unknown", "observer". */
export function standingWords(s: StateStatusRow): string {
  if (s.status === 'partner')
    return s.yearKnown ? `partner, joined ${s.joinYear}` : `partner by ${s.joinYear}, join year unknown`;
  if (s.status === 'former') return 'former partner';
  return s.status === 'attended' ? 'attended, not a member' : s.status;
}

/** The first GPWG meeting a state on the way attended: "Miami, 17 Apr 2012", or "—". */
export function firstMeetingWords(r: OnTheWayRow): string {
  if (!r.firstMeetingDate) return '—';
  return `${r.firstMeeting?.split(',')[0]}, ${formatMeetingDate(r.firstMeetingDate, r.firstMeetingDate, 'day')}`;
}
