/**
 * The match-making view: the assistance requests, who could answer each, and the gaps by region. Its state is in
 * the URL, the counting rules with the same words as the funding view's (a link carries them from one to the
 * other): `?region=Asia&area=biological_security&status=open&from=2008&request=ill-need-010&domestic=exclude`.
 */
import { NEED_STATUSES, PRIORITY_AREAS, REGIONS, type PriorityArea } from '$lib/data/contract';
import type { CountingRules } from '$lib/data/counting-rules';
import { fundingYearRange } from '$lib/data/queries/funding';
import { buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import { citedSources } from '$lib/data/queries/home';
import { fundingByRegion } from '$lib/data/queries/request-gaps';
import { requesterOptions } from '$lib/data/queries/request-options';
import {
  NOT_RECORDED,
  candidates,
  requestLinks,
  requests,
  type RequestFilters
} from '$lib/data/queries/requests';
import { DEFAULT_RULES } from '$lib/data/counting-rules';
import { parseRules, serializeRules } from './funding';
import { ENTITY_ID, parseYear, setYears, type Parsed } from './url';
import { defineView } from './view';

export interface NeedsView {
  rules: CountingRules;
  filters: RequestFilters;
  /** The request whose candidates are shown, or null. */
  request: string | null;
}

export const DEFAULT_NEEDS: NeedsView = {
  rules: DEFAULT_RULES,
  filters: {
    requester: null,
    region: null,
    subregion: null,
    area: null,
    status: null,
    yearFrom: null,
    yearTo: null
  },
  request: null
};

/** A sub-region name as M49 writes them, a request id as the contract's keys are written: nothing else is looked up. */
const SUBREGION = /^[A-Za-z ,-]{3,60}$/;
const NEED_ID = /^[A-Za-z0-9_.-]{1,80}$/;

function oneOf<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  what: string,
  notices: string[]
): T | null {
  if (raw === null) return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  notices.push(`"${raw}" is not ${what}; showing all.`);
  return null;
}

export function parseNeeds(params: URLSearchParams): Parsed<NeedsView> {
  const notices: string[] = [];
  const rules = parseRules(params, notices);
  const region = oneOf(params.get('region'), [...REGIONS, NOT_RECORDED], 'a region', notices);
  let subregion = params.get('subregion');
  if (subregion !== null && subregion !== NOT_RECORDED && !SUBREGION.test(subregion)) {
    notices.push(`"${subregion}" is not a sub-region; showing all.`);
    subregion = null;
  }
  const area = oneOf(params.get('area'), PRIORITY_AREAS, 'a priority area', notices) as PriorityArea | null;
  const status = oneOf(params.get('status'), [...NEED_STATUSES, NOT_RECORDED], 'a status', notices);
  let requester = params.get('requester');
  if (requester !== null && !ENTITY_ID.test(requester)) {
    notices.push(`"${requester}" is not a requester's code; showing every requester.`);
    requester = null;
  }
  let request = params.get('request');
  if (request !== null && !NEED_ID.test(request)) {
    notices.push(`"${request}" is not a request id; no request is selected.`);
    request = null;
  }
  return {
    value: {
      rules,
      filters: {
        requester,
        region,
        subregion,
        area,
        status,
        yearFrom: parseYear(params.get('from'), 'first', notices),
        yearTo: parseYear(params.get('to'), 'last', notices)
      },
      request
    },
    notices
  };
}

export function serializeNeeds({ rules, filters: f, request }: NeedsView): URLSearchParams {
  const params = new URLSearchParams();
  serializeRules(rules, params);
  if (f.requester) params.set('requester', f.requester);
  if (f.region) params.set('region', f.region);
  if (f.subregion) params.set('subregion', f.subregion);
  if (f.area) params.set('area', f.area);
  if (f.status) params.set('status', f.status);
  setYears(params, f.yearFrom, f.yearTo);
  if (request) params.set('request', request);
  return params;
}

/** Everything the match-making view shows; each query re-runs only when what it reads changes. */
export const needsView = defineView<NeedsView>({
  defaults: DEFAULT_NEEDS,
  fromUrl: parseNeeds,
  toUrl: serializeNeeds,
  // Match-making reads the funding basis too (its tables keep the recipient).
  prepare: (db) => buildFundingBasis(db)
})({
  // Who could answer the requests is computed once, in `candidates`; views/needs-match.ts puts them together.
  candidates: { reads: ['rules', 'filters'], run: (db, s) => candidates(db, s.rules, s.filters) },
  // The requests themselves read only the illustrative rule (made-up requests go with made-up money).
  requests: {
    reads: (s) => [s.rules.illustrative, s.filters],
    run: (db, s) => requests(db, s.rules, s.filters)
  },
  funding: { reads: ['rules', 'filters'], run: (db, s) => fundingByRegion(db, s.rules, s.filters) },
  // The data's explicit links, read once per data.
  links: { reads: [], run: (db) => requestLinks(db) },
  requesters: { reads: [], run: (db) => requesterOptions(db) },
  years: { reads: [], run: (db) => fundingYearRange(db) },
  needSources: { reads: [], run: (db) => citedSources(db, 'needs') },
  moneySources: { reads: [], run: (db) => citedSources(db, 'contributions') }
});
