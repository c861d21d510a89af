/** What the benchmark's runner (Node) and its page (Chromium) share: the queries timed, and how answers compare. */
import type { Db } from '../src/lib/data/db';
import { attendanceView } from '../src/lib/views/attendance';
import { expansionView } from '../src/lib/views/expansion';
import { fundingView } from '../src/lib/views/funding';
import { homeView } from '../src/lib/views/home';
import type { ViewModule } from '../src/lib/views/view';

/** A view's queries in its default state, by name: what is timed, in the page and on native DuckDB. */
export type DefaultQueries = Record<string, (db: Db) => Promise<unknown>>;

function atDefaults<S>(view: ViewModule<S>): DefaultQueries {
  return Object.fromEntries(
    Object.entries(view.queries).map(([name, q]) => [name, (db: Db) => q.run(db, view.defaults)])
  );
}

/** Every view's queries in their default state, taken from the views' own modules. */
export const defaultViews = (): Record<string, DefaultQueries> => ({
  home: atDefaults(homeView),
  attendance: atDefaults(attendanceView),
  funding: atDefaults(fundingView),
  expansion: atDefaults(expansionView)
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
