/**
 * Money by category (priority area, or donor), one bar per stage side by side, the rules' stage in full colour
 * and the other two lighter; the illustrative part of each bar striped white over its own colour. For areas, a black tick marks the priced
 * needs, and the right margin says the coverage or how many needs are not priced.
 */
import * as Plot from '@observablehq/plot';
import { STAGES } from '$lib/data/contract';
import type { Stage } from '$lib/data/counting-rules';
import type { MoneyRow } from '$lib/data/queries/funding';
import type { NeedsRow } from '$lib/data/queries/needs';
import { formatCount, formatMoneyFull, formatMoneyShort } from '$lib/format';
import { largestWords, needsNote } from '$lib/words';
import { CHART_FONT, COLORS, addHatches } from './theme';
import { drawable } from './drawable';
import { illustrativeBarsX } from './illustrative-bars';
import { linkAxisLabels, openPageWords, type PageOf } from './page-links';
import { oneStopPerKey, selectHref } from './select-links';

export interface StageBar extends MoneyRow {
  key: string;
}

export interface CategoryNeeds extends NeedsRow {
  key: string;
}

export interface StageBarsOptions {
  width: number;
  id: string;
  /** Categories top to bottom, with their labels. */
  categories: { key: string; label: string }[];
  /** The stage the rules count: drawn in full colour. */
  stage: Stage;
  needs?: readonly CategoryNeeds[];
  ariaLabel: string;
  /** Each category's bars are selectable marks (select-links.ts): a click or Enter selects the category. */
  selectable?: boolean;
  /** The selected category: its bars in full, the others faded. */
  selected?: string | null;
  /** Categories that are participants (the partner ranking): each name on the axis opens its page. */
  pageOf?: PageOf;
  document?: Document;
}

const BAR = 9;

export function buildStageBars(given: readonly StageBar[], options: StageBarsOptions): Element {
  const rows = drawable(given, ['amount', 'rows', 'illustrative']);
  const o = {
    ...options,
    needs: options.needs && drawable(options.needs, ['priced', 'pricedCount', 'unpriced', 'illustrative'])
  };
  const label = new Map(o.categories.map((c) => [c.key, c.label]));
  const needsByKey = new Map((o.needs ?? []).map((n) => [n.key, n]));
  const tip = (r: StageBar) =>
    `${label.get(r.key)}: ${r.stage} ${formatMoneyFull(r.amount)} (${formatCount(r.rows)} rows)` +
    (r.illustrative > 0 ? `\nof which illustrative: ${formatMoneyFull(r.illustrative)}` : '') +
    `\n${largestWords(r)}\nSources: ${r.sources}` +
    (o.pageOf?.(r.key) ? `\n${openPageWords(label.get(r.key)!)}` : '');
  const counted = (key: string) => rows.find((r) => r.key === key && r.stage === o.stage)?.amount ?? 0;
  const notes = o.needs
    ? o.categories.map((c) => ({ key: c.key, text: needsNote(counted(c.key), needsByKey.get(c.key)) }))
    : [];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.categories.length * (STAGES.length * BAR + 14) + 50,
    marginLeft: 200,
    marginRight: o.needs ? 170 : 20,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: o.ariaLabel,
    x: { label: 'US dollars (nominal)', grid: true, tickFormat: formatMoneyShort, nice: true },
    fy: {
      domain: o.categories.map((c) => c.key),
      tickFormat: (k: string) => label.get(k) ?? k,
      label: null,
      padding: 0.12
    },
    y: { domain: STAGES, axis: null, padding: 0.1 },
    color: { domain: STAGES, range: STAGES.map((s) => COLORS.stage[s]) },
    marks: [
      // The counted stage's bars and the others' apart: a keyboard stops once per category, on the counted one.
      ...(['other-stages', 'counted-stage'] as const).map((part) =>
        Plot.barX(
          rows.filter((r) => (r.stage === o.stage) === (part === 'counted-stage')),
          {
            fy: 'key',
            y: 'stage',
            x: 'amount',
            fill: 'stage',
            fillOpacity: (r: StageBar) =>
              (r.stage === o.stage ? 1 : 0.45) * (o.selected && r.key !== o.selected ? 0.3 : 1),
            title: tip,
            tip: { fontSize: 12, lineHeight: 1.3 },
            className: `stage-bars ${part}`,
            ...(o.selectable
              ? {
                  href: (r: StageBar) => selectHref(r.key),
                  ariaLabel: (r: StageBar) =>
                    `${label.get(r.key)}: ${formatMoneyFull(r.amount)} ${r.stage}` +
                    (r.key === o.selected ? ' (selected; select again to clear)' : '')
                }
              : {})
          }
        )
      ),
      illustrativeBarsX(rows, o.id, { fy: 'key', y: 'stage' }),
      ...(o.needs
        ? [
            Plot.tickX(
              (o.needs ?? []).filter((n) => n.priced > 0),
              { fy: 'key', x: 'priced', stroke: COLORS.needs, strokeWidth: 2.5, className: 'needs' }
            ),
            Plot.text(notes, {
              fy: 'key',
              frameAnchor: 'right',
              dx: 165,
              textAnchor: 'end',
              text: 'text',
              fill: COLORS.muted,
              className: 'needs-notes'
            })
          ]
        : []),
      Plot.ruleX([0])
    ]
  });
  addHatches(chart, o.id, { illustrative: COLORS.sourceKind.illustrative }, { overlay: true });
  if (o.pageOf)
    linkAxisLabels(
      chart,
      'fy',
      o.categories.map((c) => c.key),
      (key) => label.get(key) ?? key,
      o.pageOf
    );
  // One keyboard stop per category: its counted stage's bar, else its first bar.
  oneStopPerKey([
    ...chart.querySelectorAll('g.counted-stage a'),
    ...chart.querySelectorAll('g.other-stages a')
  ]);
  return chart;
}
