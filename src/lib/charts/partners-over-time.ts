/**
 * Partners per year by region: stacked bars with the total as a step line, "+N" over the years with joins ("−N"
 * where partners are no longer counted), partners whose join year is not recorded as a hatched part on top, never
 * placed in a guessed year, and the member counts the sources publish as diamonds beside the bars. A state selected
 * (on the map) keeps every bar: its region's in full, the others faded, and its join year marked.
 */
import * as Plot from '@observablehq/plot';
import type { EndRow, JoinRow, PartnersByRegionRow, PublishedCountRow } from '$lib/data/queries/expansion';
import type { StateStatusRow } from '$lib/data/queries/expansion-states';
import { formatCount } from '$lib/format';
import { euBasisWords, publishedDifference } from '$lib/words';
import { CHART_FONT, CHART_HEIGHT, COLORS, REGION_ORDER, addHatches, hatchId } from './theme';
import { drawable } from './drawable';

export interface PartnersOverTimeOptions {
  width: number;
  id: string;
  /** Partners no longer counted from a year: "−N", and in words where the end year is unknown. */
  ends?: readonly EndRow[];
  /** Member counts the sources publish: diamonds beside the bars, hollow where the EU basis is unknown. */
  published?: readonly PublishedCountRow[];
  /** The state selected on the map: its region in full, the others faded; its join year marked where drawn. */
  selected?: SelectedState;
  document?: Document;
}

export type SelectedState = Pick<StateStatusRow, 'name' | 'region' | 'status' | 'joinYear' | 'yearKnown'>;

/** Where the selected state joined, in the chart's words: "Canada joins", "Chile: confirmed by 2008". */
export function joinMarkWords(s: SelectedState): string | null {
  if (s.joinYear === null || (s.status !== 'partner' && s.status !== 'former')) return null;
  return s.yearKnown ? `${s.name} joins` : `${s.name}: confirmed by ${s.joinYear}, join year not recorded`;
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

/** A published count's tooltip: the count, the source's words and who published them, and the difference. */
export function publishedTip(p: PublishedCountRow): string {
  return (
    `${p.year}: ${formatCount(p.count)} members published (${euBasisWords(p)}); ${publishedDifference(p)}` +
    `\n“${p.wording}”\n${p.publisher ?? p.sourceTitle}`
  );
}

export function buildPartnersOverTime(
  givenRows: readonly PartnersByRegionRow[],
  givenJoins: readonly JoinRow[],
  {
    width,
    id,
    document,
    ends: givenEnds = [],
    published: givenPublished = [],
    selected
  }: PartnersOverTimeOptions
): Element {
  const rows = drawable(givenRows, ['year', 'known', 'yearUnknown', 'illustrative']);
  const joins = drawable(givenJoins, ['year', 'partners']);
  const ends = drawable(givenEnds, ['year', 'partners']);
  const published = drawable(givenPublished, ['year', 'count', 'counted']);
  const totals = yearTotals(rows);
  const totalIn = new Map(totals.map((t) => [t.year, t.total]));
  const ended = new Map<number, number>();
  for (const e of ends) ended.set(e.year, (ended.get(e.year) ?? 0) + e.partners);
  const shown = published.filter((p) => totalIn.has(p.year));
  const differing = shown.filter((p) => p.count !== p.counted);
  const known = rows.filter((r) => r.known > 0);
  const regions = REGION_ORDER.filter((r) => known.some((k) => k.region === r));
  const joined = new Map<number, number>();
  for (const j of joins) if (j.yearKnown) joined.set(j.year, (joined.get(j.year) ?? 0) + j.partners);
  // The selected state's join year, marked where the chart draws that year.
  const joinMark = selected && joinMarkWords(selected);
  const marked = joinMark && totalIn.has(selected!.joinYear!) ? [selected!.joinYear!] : [];
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
      domain: [0, Math.max(5, ...totals.map((t) => t.total), ...shown.map((p) => p.count)) * 1.15]
    },
    color: { domain: REGION_ORDER, range: REGION_ORDER.map((r) => COLORS.region[r]!) },
    marks: [
      Plot.barY(
        known,
        Plot.stackY({
          x: 'year',
          y: 'known',
          fill: 'region',
          fillOpacity: (r: PartnersByRegionRow) => (selected && r.region !== selected.region ? 0.3 : 1),
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
        totals.filter((t) => joined.has(t.year) || ended.has(t.year)),
        {
          x: 'year',
          y: 'total',
          text: (t: YearTotal) =>
            [
              joined.has(t.year) ? `+${joined.get(t.year)}` : '',
              ended.has(t.year) ? `−${ended.get(t.year)}` : ''
            ]
              .filter(Boolean)
              .join(' '),
          dy: -9,
          fontWeight: 700,
          className: 'join-labels'
        }
      ),
      // A period a source shows over by a year, its end unknown: said at the step, as unknown starts are hatched.
      Plot.text(
        ends.filter((e) => !e.endKnown && totalIn.has(e.year)),
        {
          x: 'year',
          y: (e: EndRow) => totalIn.get(e.year),
          text: (e: EndRow) => `${e.names}: not listed by ${e.year}, end year unknown`,
          textAnchor: 'end',
          dx: -14,
          dy: -24,
          fill: COLORS.muted,
          className: 'end-labels'
        }
      ),
      Plot.ruleX(differing, {
        x: 'year',
        y1: 'counted',
        y2: 'count',
        stroke: COLORS.published,
        strokeDasharray: '2,2',
        className: 'published-differences'
      }),
      Plot.dot(shown, {
        x: 'year',
        y: 'count',
        symbol: 'diamond',
        r: 5,
        stroke: COLORS.published,
        strokeWidth: 1.5,
        fill: (p: PublishedCountRow) => (p.includesEu === 'unknown' ? '#ffffff' : COLORS.published),
        title: publishedTip,
        ariaLabel: (p: PublishedCountRow) => `${p.year}: ${p.count} published`,
        tip: { fontSize: 12 },
        className: 'published-counts'
      }),
      Plot.text(differing, {
        x: 'year',
        y: 'count',
        text: (p: PublishedCountRow) => `${p.count > p.counted ? '+' : '−'}${Math.abs(p.count - p.counted)}`,
        dx: 9,
        textAnchor: 'start',
        fill: COLORS.published,
        className: 'published-difference-labels'
      }),
      Plot.ruleX(marked, {
        x: (y: number) => y,
        stroke: COLORS.ink,
        strokeWidth: 2,
        className: 'selected-join'
      }),
      Plot.text(marked, {
        x: (y: number) => y,
        frameAnchor: 'top',
        text: () => joinMark,
        textAnchor: 'start',
        dx: 6,
        dy: -14,
        fontWeight: 700,
        className: 'selected-join-label'
      }),
      Plot.ruleY([0])
    ]
  });
  addHatches(chart, id, { unknown: COLORS.partner });
  return chart;
}
