/** What the benchmark's runner (Node) and its page (Chromium) share: the queries timed, and how answers compare. */
import { DEFAULT_RULES, PRESETS } from '../src/lib/data/counting-rules';
import { attendanceQueries } from '../src/lib/data/queries/attendance';
import { expansionQueries } from '../src/lib/data/queries/expansion';
import { fundingQueries } from '../src/lib/data/queries/funding';
import { homeQueries } from '../src/lib/data/queries/home';
import type { QuerySet } from '../src/lib/data/queries/view-set';
import { DEFAULT_ATTENDANCE } from '../src/lib/state/attendance-url';
import { DEFAULT_EXPANSION } from '../src/lib/state/expansion-url';
import { DEFAULT_FUNDING } from '../src/lib/state/funding-url';

/** Every view's query set in its default state: what is timed, in the page and on native DuckDB. */
export const defaultViews = (): Record<string, QuerySet> => ({
  home: homeQueries(),
  attendance: attendanceQueries(() => DEFAULT_ATTENDANCE),
  funding: fundingQueries({
    rules: () => DEFAULT_RULES,
    filters: () => DEFAULT_FUNDING.filters,
    compareWith: () => PRESETS[DEFAULT_FUNDING.compare].rules
  }),
  expansion: expansionQueries(() => DEFAULT_EXPANSION)
});

/** What an answer looks like, to compare engines: its rows and the sum of every number in it. */
export interface Answer {
  rows: number;
  total: number;
}

export function answerOf(value: unknown): Answer {
  const rows = Array.isArray(value) ? value : [value];
  let total = 0;
  for (const row of rows) {
    for (const v of Object.values(row as object)) {
      if (typeof v === 'number' && Number.isFinite(v)) total += v;
      if (typeof v === 'bigint') total += Number(v);
    }
  }
  return { rows: rows.length, total };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
