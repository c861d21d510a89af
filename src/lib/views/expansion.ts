/**
 * The expansion view: partners over time by region, the map, and who is on the way. Its filters are in the URL:
 * `?region=Asia&from=2004&to=2013&eu=no`. The EU is counted by default, as the cited member counts do; `eu=no`
 * leaves it out. Unknown values fall back to the default with a notice.
 */
import { REGIONS } from '$lib/data/contract';
import { citedSources } from '$lib/data/queries/home';
import {
  endsByYear,
  joinsByYear,
  membershipYearRange,
  partnersByRegion,
  publishedCounts,
  regionOptions
} from '$lib/data/queries/expansion';
import { onTheWay, stateStatus } from '$lib/data/queries/expansion-states';
import { type ExpansionFilters } from '$lib/data/queries/expansion-scope';
import { countryFeatures, type CountryFeature } from '$lib/charts/world';
import { ENTITY_ID, parseYear, setYears, type Parsed } from './url';
import { defineView } from './view';

/** The filters, and the state selected on the map (a click on it): its page is a click away on its chip. */
export interface ExpansionView extends ExpansionFilters {
  selected: string | null;
}

export const DEFAULT_EXPANSION: ExpansionView = {
  countEu: true,
  region: null,
  yearFrom: null,
  yearTo: null,
  selected: null
};

export function parseExpansion(params: URLSearchParams): Parsed<ExpansionView> {
  const notices: string[] = [];
  let region = params.get('region');
  if (region !== null && !(REGIONS as readonly string[]).includes(region)) {
    notices.push(`"${region}" is not a region; showing all regions.`);
    region = null;
  }
  let selected = params.get('state');
  if (selected !== null && !ENTITY_ID.test(selected)) {
    notices.push(`"${selected}" is not a state's code; no state is selected.`);
    selected = null;
  }
  const eu = params.get('eu');
  if (eu !== null && eu !== 'no' && eu !== 'yes')
    notices.push(`"${eu}" is not yes or no; the EU is counted.`);
  return {
    value: {
      countEu: eu !== 'no',
      region,
      yearFrom: parseYear(params.get('from'), 'first', notices),
      yearTo: parseYear(params.get('to'), 'last', notices),
      selected
    },
    notices
  };
}

export function serializeExpansion(f: ExpansionFilters & { selected?: string | null }): URLSearchParams {
  const params = new URLSearchParams();
  if (f.region) params.set('region', f.region);
  setYears(params, f.yearFrom, f.yearTo);
  if (!f.countEu) params.set('eu', 'no');
  if (f.selected) params.set('state', f.selected);
  return params;
}

/** Everything the expansion view shows but the map's shapes, which are a file (worldShapes). */
export const expansionView = defineView<ExpansionView>({
  defaults: DEFAULT_EXPANSION,
  fromUrl: parseExpansion,
  toUrl: serializeExpansion
})({
  byRegion: {
    reads: ['countEu', 'region', 'yearFrom', 'yearTo'],
    run: (db, f) => partnersByRegion(db, f)
  },
  joins: { reads: ['countEu', 'region', 'yearFrom', 'yearTo'], run: (db, f) => joinsByYear(db, f) },
  ends: { reads: ['countEu', 'region', 'yearFrom', 'yearTo'], run: (db, f) => endsByYear(db, f) },
  published: {
    reads: ['countEu', 'region', 'yearFrom', 'yearTo'],
    run: (db, f) => publishedCounts(db, f)
  },
  // The map and the "on the way" list are about states: counting the EU does not change them.
  states: { reads: ['region', 'yearFrom', 'yearTo'], run: (db, f) => stateStatus(db, f) },
  approaching: { reads: ['region', 'yearFrom', 'yearTo'], run: (db, f) => onTheWay(db, f) },
  membershipSources: { reads: [], run: (db) => citedSources(db, 'memberships') },
  publishedSources: { reads: [], run: (db) => citedSources(db, 'published_counts') },
  regions: { reads: [], run: (db) => regionOptions(db) },
  years: { reads: [], run: (db) => membershipYearRange(db) }
});

/** The map's shapes, from the app's own files (world-atlas, part of the build). */
export async function worldShapes(url: string, fetchFn: typeof fetch = fetch): Promise<CountryFeature[]> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`The world map could not be loaded (HTTP ${response.status})`);
  return countryFeatures(await response.json());
}
