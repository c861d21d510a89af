import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yearTotals } from '../../src/lib/charts/partners-over-time';
import { joinLabel } from '../../src/lib/words';
import type { Db } from '../../src/lib/data/db';
import {
  joinsByYear,
  membershipYearRange,
  partnersByRegion,
  regionOptions
} from '../../src/lib/data/queries/expansion';
import { onTheWay, stateStatus } from '../../src/lib/data/queries/expansion-states';
import { type ExpansionFilters } from '../../src/lib/data/queries/expansion-scope';
import { partnersPerYear } from '../../src/lib/data/queries/home';
import { DEFAULT_EXPANSION, parseExpansion, serializeExpansion } from '../../src/lib/views/expansion';
import { openSampleDb } from './sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const all: ExpansionFilters = DEFAULT_EXPANSION;
const total = async (f: ExpansionFilters, year: number) =>
  yearTotals(await partnersByRegion(db, f)).find((t) => t.year === year)?.total;

describe('partnersByRegion(db)', () => {
  test('matches the cited counts with the EU: 23 partners in 2011, 25 in 2012', async () => {
    expect(await total(all, 2011)).toBe(23);
    expect(await total(all, 2012)).toBe(25);
  });

  test('leaving the EU out takes exactly one off every year', async () => {
    const withEu = yearTotals(await partnersByRegion(db, all));
    const withoutEu = yearTotals(await partnersByRegion(db, { ...all, countEu: false }));
    expect(withoutEu.map((t) => t.total)).toEqual(withEu.map((t) => t.total - 1));
  });

  test('region shares sum to the total of partnersPerYear, year by year', async () => {
    const byRegion = yearTotals(await partnersByRegion(db, all));
    const home = await partnersPerYear(db, { countEu: true });
    expect(byRegion.map((t) => [t.year, t.total])).toEqual(
      home.map((r) => [r.year, r.known + r.yearUnknown])
    );
  });

  test('a region keeps its own states only, and the EU only shows without a region', async () => {
    const asia = await partnersByRegion(db, { ...all, region: 'Asia' });
    expect(new Set(asia.map((r) => r.region))).toEqual(new Set(['Asia']));
    expect(yearTotals(asia).find((t) => t.year === 2012)!.total).toBe(3);
    expect(await partnersByRegion(db, { ...all, region: "Asia' OR '1'='1" })).toEqual([]);
  });
});

describe('joins', () => {
  test('label the years with joins in words, and unknown years as unknown', async () => {
    const labels = (await joinsByYear(db, all)).map(joinLabel);
    expect(labels).toContain(
      '2003: six European states (Finland, Netherlands, Norway, Poland, Sweden, Switzerland)'
    );
    expect(labels).toContain('2012: Kazakhstan, Mexico');
    expect(labels).toContain(
      'by 2020 (join year unknown): five partners (Chile, Georgia, Jordan, Portugal, Spain)'
    );
  });

  test('the year filter keeps the joins in range', async () => {
    const rows = await joinsByYear(db, { ...all, yearFrom: 2010, yearTo: 2013 });
    expect(rows.map((r) => r.year)).toEqual([2012, 2013]);
  });
});

describe('onTheWay(db)', () => {
  test('Mexico is on the way from its 2012 observer attendance until it joins', async () => {
    const in2012 = await onTheWay(db, { ...all, yearTo: 2012 });
    expect(in2012).toEqual([
      expect.objectContaining({
        entityId: 'MEX',
        reason: 'attended as observer',
        firstMeeting: 'Miami, Apr 2012',
        firstMeetingDate: '2012-04-17',
        since: 2012,
        joined: 2012
      })
    ]);
    expect(await onTheWay(db, { ...all, yearTo: 2011 })).toEqual([]);
    expect(await onTheWay(db, { ...all, yearFrom: 2013 })).toEqual([]);
    expect(await onTheWay(db, { ...all, region: 'Europe' })).toEqual([]);
  });
});

describe('stateStatus(db)', () => {
  test('gives each state its standing and history, with unknown join years kept unknown', async () => {
    const rows = await stateStatus(db, all);
    expect(rows.find((r) => r.entityId === 'JOR')).toMatchObject({
      status: 'partner',
      joinYear: 2020,
      yearKnown: false
    });
    expect(rows.find((r) => r.entityId === 'MEX')!.history).toBe(
      'partner from 2012; attended Miami Apr 2012 as observer'
    );
    expect(rows.find((r) => r.entityId === 'FRA')).toMatchObject({
      status: 'partner',
      joinYear: 2002,
      yearKnown: true
    });
    // States that only ask for assistance are neither members nor attendees: not on the map's list.
    expect(rows.find((r) => r.entityId === 'ALB')).toBeUndefined();
  });

  test('in an earlier year, later partners are not yet partners', async () => {
    const rows = await stateStatus(db, { ...all, yearTo: 2011 });
    expect(rows.find((r) => r.entityId === 'KAZ')).toBeUndefined();
    expect(rows.filter((r) => r.status === 'partner')).toHaveLength(22);
  });

  test('filter options come from the data', async () => {
    expect(await regionOptions(db)).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    // To 2023: the last published member count (German Federal Foreign Office, May 2023).
    expect(await membershipYearRange(db)).toEqual({ first: 2002, last: 2023 });
  });
});

describe('expansion URL state', () => {
  test('round-trips, leaves defaults out, and falls back with a notice', () => {
    expect(serializeExpansion(DEFAULT_EXPANSION).toString()).toBe('');
    const f = { countEu: false, region: 'Asia', yearFrom: 2004, yearTo: 2013, selected: 'KAZ' };
    expect(serializeExpansion(f).get('state')).toBe('KAZ');
    expect(parseExpansion(serializeExpansion(f))).toEqual({ value: f, notices: [] });
    const bad = parseExpansion(new URLSearchParams('region=Atlantis&eu=maybe'));
    expect(bad.value).toEqual(DEFAULT_EXPANSION);
    expect(bad.notices).toEqual([
      '"Atlantis" is not a region; showing all regions.',
      '"maybe" is not yes or no; the EU is counted.'
    ]);
  });
});
