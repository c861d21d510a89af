/** The illustrative part of horizontal bars, striped over them: from 0 to each row's `illustrative` amount. */
import * as Plot from '@observablehq/plot';
import { hatchId } from './theme';

export function illustrativeBarsX<T extends { illustrative: number }>(
  rows: readonly T[],
  chartId: string,
  /** The bars' band channels, as the bars themselves set them. */
  bands: { fy: string; y: string }
) {
  return Plot.barX(
    rows.filter((r) => r.illustrative > 0),
    {
      ...bands,
      x1: 0,
      x2: 'illustrative',
      fill: `url(#${hatchId(chartId, 'illustrative')})`,
      className: 'illustrative'
    }
  );
}
