/**
 * Gaps and coverage by region: per requester region, the priced requests against the money counted to recipients
 * there, as two bars; the illustrative part of each striped; the right margin says how many requests there are,
 * how many are not priced (counted, never drawn as zero) and how many open ones no partner answers.
 */
import * as Plot from '@observablehq/plot';
import type { Stage } from '$lib/data/counting-rules';
import { formatCount, formatMoneyFull, formatMoneyShort } from '$lib/format';
import { drawable } from './drawable';
import { illustrativeBarsX } from './illustrative-bars';
import { CHART_FONT, COLORS, addHatches } from './theme';

/** One region's requests and money, every priority area in view together. */
export interface RegionGap {
  /** Null: the requester's region is not recorded (a regional body). */
  region: string | null;
  requests: number;
  /** Open requests with no partner active in their area and region. */
  openWithoutPartner: number;
  /** USD of the priced requests, summed; the unpriced ones are counted apart, never summed as zero. */
  priced: number;
  pricedCount: number;
  unpriced: number;
  /** The part of the priced sum from illustrative requests. */
  pricedIllustrative: number;
  /** USD counted to recipients in the region under the rules and years. */
  funding: number;
  /** The part of the funding on illustrative sources. */
  fundingIllustrative: number;
}

export const GAP_SERIES = ['requested', 'counted'] as const;
type Series = (typeof GAP_SERIES)[number];

export const GAP_SERIES_WORDS: Record<Series, string> = {
  requested: 'Priced requests',
  counted: 'Counted to recipients there'
};

export const regionWords = (region: string | null) => region ?? 'Region not recorded';

/** "6 requests: 2 not priced; 1 open, no partner active". */
export function regionNote(g: RegionGap): string {
  const parts = [
    ...(g.unpriced > 0 ? [`${formatCount(g.unpriced)} not priced`] : []),
    ...(g.openWithoutPartner > 0 ? [`${formatCount(g.openWithoutPartner)} open, no partner active`] : [])
  ];
  const requests = `${formatCount(g.requests)} ${g.requests === 1 ? 'request' : 'requests'}`;
  return parts.length ? `${requests}: ${parts.join('; ')}` : requests;
}

export interface RegionGapsOptions {
  width: number;
  id: string;
  /** The stage the rules count, in its colour. */
  stage: Stage;
  document?: Document;
}

interface Bar {
  key: string;
  series: Series;
  amount: number;
  illustrative: number;
  gap: RegionGap;
}

const BAR = 11;

export function buildRegionGaps(given: readonly RegionGap[], o: RegionGapsOptions): Element {
  const rows = drawable(given, [
    'requests',
    'priced',
    'unpriced',
    'funding',
    'pricedIllustrative',
    'fundingIllustrative'
  ]);
  const keys = rows.map((g) => regionWords(g.region));
  // A region with no priced request has no requested bar: its requests are counted in the note, never drawn as 0.
  const bars: Bar[] = rows.flatMap((g): Bar[] => [
    ...(g.pricedCount > 0
      ? [
          {
            key: regionWords(g.region),
            series: 'requested' as const,
            amount: g.priced,
            illustrative: g.pricedIllustrative,
            gap: g
          }
        ]
      : []),
    {
      key: regionWords(g.region),
      series: 'counted',
      amount: g.funding,
      illustrative: g.fundingIllustrative,
      gap: g
    }
  ]);
  const tip = (b: Bar) =>
    `${b.key}: ${GAP_SERIES_WORDS[b.series].toLowerCase()} ` +
    (b.series === 'requested'
      ? `${formatMoneyFull(b.amount)} (${formatCount(b.gap.pricedCount)} priced)`
      : `${formatMoneyFull(b.amount)} (${o.stage})`) +
    (b.illustrative > 0 ? `\nof which illustrative: ${formatMoneyFull(b.illustrative)}` : '') +
    `\n${regionNote(b.gap)}`;
  const colour: Record<Series, string> = { requested: COLORS.needs, counted: COLORS.stage[o.stage] };
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: rows.length * (GAP_SERIES.length * BAR + 16) + 50,
    marginLeft: 150,
    marginRight: 250,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: 'Bar chart: priced requests against counted money, by region',
    x: { label: 'US dollars (nominal)', grid: true, tickFormat: formatMoneyShort, nice: true },
    fy: { domain: keys, label: null, padding: 0.15 },
    y: { domain: GAP_SERIES, axis: null, padding: 0.1 },
    color: { domain: GAP_SERIES, range: GAP_SERIES.map((s) => colour[s]) },
    marks: [
      Plot.barX(bars, {
        fy: 'key',
        y: 'series',
        x: 'amount',
        fill: 'series',
        title: tip,
        tip: { fontSize: 12, lineHeight: 1.3 },
        className: 'gap-bars'
      }),
      illustrativeBarsX(bars, o.id, { fy: 'key', y: 'series' }),
      Plot.text(rows, {
        fy: (g: RegionGap) => regionWords(g.region),
        frameAnchor: 'right',
        dx: 245,
        textAnchor: 'end',
        text: regionNote,
        fill: COLORS.muted,
        className: 'gap-notes'
      }),
      Plot.ruleX([0])
    ]
  });
  addHatches(chart, o.id, { illustrative: COLORS.sourceKind.illustrative }, { overlay: true });
  return chart;
}
