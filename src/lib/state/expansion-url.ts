/**
 * The expansion view's filters in the URL: `?region=Asia&from=2004&to=2013&eu=no`. The EU is counted by default,
 * as the cited member counts do; `eu=no` leaves it out. Unknown values fall back to the default with a notice.
 */
import { REGIONS } from '$lib/data/contract';
import type { ExpansionFilters } from '$lib/data/queries/expansion';
import { parseYear, setYears, type Parsed } from './url-values';

export const DEFAULT_EXPANSION: ExpansionFilters = {
  countEu: true,
  region: null,
  yearFrom: null,
  yearTo: null
};

export function parseExpansion(params: URLSearchParams): Parsed<ExpansionFilters> {
  const notices: string[] = [];
  let region = params.get('region');
  if (region !== null && !(REGIONS as readonly string[]).includes(region)) {
    notices.push(`"${region}" is not a region; showing all regions.`);
    region = null;
  }
  const eu = params.get('eu');
  if (eu !== null && eu !== 'no' && eu !== 'yes')
    notices.push(`"${eu}" is not yes or no; the EU is counted.`);
  return {
    value: {
      countEu: eu !== 'no',
      region,
      yearFrom: parseYear(params.get('from'), 'first', notices),
      yearTo: parseYear(params.get('to'), 'last', notices)
    },
    notices
  };
}

export function serializeExpansion(f: ExpansionFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.region) params.set('region', f.region);
  setYears(params, f.yearFrom, f.yearTo);
  if (!f.countEu) params.set('eu', 'no');
  return params;
}
