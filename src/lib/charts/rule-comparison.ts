/**
 * The same money per priority area under two rule sets: a dot for each, joined, with the difference (B minus A)
 * in words, and its direction said above it.
 */
import * as Plot from '@observablehq/plot';
import { formatMoneyFull, formatMoneyShort } from '$lib/format';
import { signedMoney } from '$lib/words';
import { AREA_LABELS, CHART_FONT, COLORS } from './theme';
import { drawable } from './drawable';

export interface ComparisonRow {
  area: string;
  /** Under rule set A (the current rules) and B (the one compared with). */
  current: number;
  compared: number;
}

export interface RuleComparisonOptions {
  width: number;
  labelA: string;
  labelB: string;
  /** The direction of the differences in words; every difference is B minus A. */
  differenceLabel?: string;
  document?: Document;
}

export function buildRuleComparison(given: readonly ComparisonRow[], o: RuleComparisonOptions): Element {
  const rows = drawable(given, ['current', 'compared']);
  const dots = rows.flatMap((r) => [
    { area: r.area, set: o.labelA, amount: r.current },
    { area: r.area, set: o.labelB, amount: r.compared }
  ]);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: rows.length * 30 + 60,
    marginTop: 30,
    marginLeft: 210,
    marginRight: 90,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: `Counted money per priority area: ${o.labelA} against ${o.labelB}`,
    x: { label: 'US dollars (nominal)', grid: true, tickFormat: formatMoneyShort, nice: true },
    y: { domain: rows.map((r) => r.area), tickFormat: (a: string) => AREA_LABELS[a] ?? a, label: null },
    color: { domain: [o.labelA, o.labelB], range: [COLORS.ink, COLORS.stage.committed] },
    marks: [
      Plot.ruleY(rows, { y: 'area', x1: 'current', x2: 'compared', stroke: '#b8bec7', strokeWidth: 2 }),
      Plot.dot(dots, {
        y: 'area',
        x: 'amount',
        fill: 'set',
        r: 5,
        title: (d: { area: string; set: string; amount: number }) =>
          `${AREA_LABELS[d.area] ?? d.area}, ${d.set}: ${formatMoneyFull(d.amount)}`,
        tip: { fontSize: 12 },
        className: 'comparison-dots'
      }),
      Plot.text(rows, {
        y: 'area',
        frameAnchor: 'right',
        dx: 85,
        textAnchor: 'end',
        text: (r: ComparisonRow) => signedMoney(r.compared - r.current),
        fill: COLORS.muted,
        className: 'differences'
      }),
      Plot.text([`Difference: ${o.differenceLabel ?? `${o.labelB} minus ${o.labelA}`}`], {
        frameAnchor: 'top-right',
        dx: 85,
        dy: -18,
        textAnchor: 'end',
        fill: COLORS.muted,
        className: 'difference-direction'
      })
    ]
  });
}
