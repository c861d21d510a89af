/** The match-making view's URL codec and its pure reshaping: what a shared link and the cards rely on. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_RULES } from '$lib/data/counting-rules';
import type { RequestRow } from '$lib/views/needs-match';
import { DEFAULT_NEEDS, parseNeeds, serializeNeeds } from '$lib/views/needs';
import {
  linkNotices,
  partnersWords,
  requestScope,
  requesterStandings,
  sortRequests
} from '$lib/views/needs-rows';

const row = (over: Partial<RequestRow>): RequestRow => ({
  needId: 'n',
  requesterId: 'GEO',
  requester: 'Georgia',
  requesterKind: 'state',
  region: 'Asia',
  subregion: 'Western Asia',
  area: 'nuclear_radiological_security',
  year: 2008,
  estimatedUsd: null,
  status: 'open',
  description: 'Border radiation monitors',
  source: 'S',
  sourceKind: 'illustrative',
  partners: 0,
  nearestTier: null,
  linked: 0,
  ...over
});

describe('the match-making URL', () => {
  test('round-trips filters, the selected request and the funding view’s rule words', () => {
    const state = {
      rules: { ...DEFAULT_RULES, domestic: false },
      filters: { ...DEFAULT_NEEDS.filters, region: 'Asia', status: 'open' as const, yearFrom: 2008 },
      request: 'ill-need-009'
    };
    const params = serializeNeeds(state);
    expect(params.toString()).toBe('domestic=exclude&region=Asia&status=open&from=2008&request=ill-need-009');
    expect(parseNeeds(params)).toEqual({ value: state, notices: [] });
    expect(serializeNeeds(DEFAULT_NEEDS).toString()).toBe('');
  });

  test('unknown values fall back, each with a notice', () => {
    const { value, notices } = parseNeeds(new URLSearchParams('region=Atlantis&status=lost&request=<x>'));
    expect(value).toEqual(DEFAULT_NEEDS);
    expect(notices).toHaveLength(3);
  });
});

describe('the requests in words and order', () => {
  test('a request with no partner says so; open ones say "here"', () => {
    expect(partnersWords(row({}))).toBe('no partner active here');
    expect(partnersWords(row({ status: 'met' }))).toBe('no partner active');
    expect(partnersWords(row({ partners: 2, nearestTier: 'subregion' }))).toBe(
      '2 partners, nearest elsewhere in its sub-region'
    );
  });

  test('sorting puts what is not recorded last, either way', () => {
    const rows = [
      row({ needId: 'a', year: null }),
      row({ needId: 'b', year: 2010 }),
      row({ needId: 'c', year: 2004 })
    ];
    expect(sortRequests(rows, 'year').map((r) => r.needId)).toEqual(['c', 'b', 'a']);
    expect(sortRequests(rows, 'year', false).map((r) => r.needId)).toEqual(['b', 'c', 'a']);
  });

  test('an open request with money linked to it is a data notice', () => {
    expect(linkNotices([row({ linked: 1 }), row({ linked: 0 })])).toEqual([
      'Georgia\'s request "Border radiation monitors" is recorded open, yet 1 contribution is linked to it in the data.'
    ]);
  });

  test('the filters in words', () => {
    expect(requestScope({ ...DEFAULT_NEEDS.filters, region: 'not_recorded' })).toBe(
      'Region: not recorded; all priority areas; every status; all years'
    );
  });
});

describe('the requesters on the map', () => {
  test('open wins; all matched or met is answered; any status not recorded otherwise', () => {
    const standings = requesterStandings([
      row({ needId: 'a', requesterId: 'GEO', status: 'open' }),
      row({ needId: 'b', requesterId: 'GEO', status: 'met' }),
      row({ needId: 'c', requesterId: 'KAZ', requester: 'Kazakhstan', status: 'matched' }),
      row({ needId: 'd', requesterId: 'KAZ', requester: 'Kazakhstan', status: 'met' }),
      row({ needId: 'e', requesterId: 'AZE', requester: 'Azerbaijan', status: null, sourceKind: 'cited' })
    ]);
    expect(standings.map((s) => [s.entityId, s.standing, s.requests, s.illustrative])).toEqual([
      ['GEO', 'open', 2, true],
      ['KAZ', 'answered', 2, true],
      ['AZE', 'not_recorded', 1, false]
    ]);
  });
});
