/**
 * The overview: partners per year, what the loaded data is made of, the sources, and a link to each presidency's
 * year. It has no settings.
 */
import { citedSources, partnersPerYear, sourceList, tableMix } from '$lib/data/queries/home';
import { presidencyYears } from '$lib/data/queries/presidency';
import { formatCount } from '$lib/format';
import { defineView } from './view';

export type HomeView = Record<string, never>;

export const homeView = defineView<HomeView>({
  defaults: {},
  fromUrl: () => ({ value: {}, notices: [] }),
  toUrl: () => new URLSearchParams()
})({
  partners: { reads: [], run: (db) => partnersPerYear(db, { countEu: true }) },
  partnerSources: { reads: [], run: (db) => citedSources(db, 'memberships') },
  mix: { reads: [], run: (db) => tableMix(db) },
  sources: { reads: [], run: (db) => sourceList(db) },
  presidencies: { reads: [], run: (db) => presidencyYears(db) }
});

/** The partners chart's title says the growth it shows: "from 7 in 2002 to 31 in 2020". */
export function partnersTitle(rows: readonly { year: number; known: number; yearUnknown: number }[]): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'GP partners per year';
  const total = (r: typeof first) => formatCount(r.known + r.yearUnknown);
  return `GP partners per year: from ${total(first)} in ${first.year} to ${total(last)} in ${last.year}`;
}
