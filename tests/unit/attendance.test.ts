import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../src/lib/data/db';
import { PARTICIPANT_GROUPS } from '../../src/lib/data/domain';
import {
  attendanceCounts,
  attendanceFigures,
  attendanceMatrix,
  firstAppearances,
  meetingYearRange,
  meetingsInView,
  presidencyOptions,
  type AttendanceFilters
} from '../../src/lib/data/queries/attendance';
import { openSampleDb } from './sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const all: AttendanceFilters = { presidency: null, yearFrom: null, yearTo: null, groups: PARTICIPANT_GROUPS };

describe('attendanceCounts(db)', () => {
  test('counts each seed meeting by kind exactly as the notes list it', async () => {
    const rows = await attendanceCounts(db, all);
    const of = (meetingId: string) =>
      Object.fromEntries(rows.filter((r) => r.meetingId === meetingId).map((r) => [r.group, r.entities]));
    expect(of('2011-10-paris')).toEqual({ state_partner: 18, european_union: 1, international_org: 1 });
    expect(of('2012-04-miami')).toEqual({
      state_partner: 15,
      state_observer: 1,
      european_union: 1,
      international_org: 8,
      civil_society: 1
    });
  });

  test('gives no row, not a zero, for meetings without a participant list', async () => {
    const meetings = await meetingsInView(db, all);
    const unrecorded = meetings.filter((m) => !m.attendanceRecorded).map((m) => m.meetingId);
    expect(unrecorded).toEqual([
      '2004-11-washington',
      '2010-10-vancouver',
      '2012-01-washington',
      '2012-03-cambridge',
      '2015-09-berlin',
      '2017-02-rome',
      '2023-11-nagasaki'
    ]);
    const counted = new Set((await attendanceCounts(db, all)).map((r) => r.meetingId));
    expect(unrecorded.filter((id) => counted.has(id))).toEqual([]);
    expect(meetings.find((m) => m.meetingId === '2010-10-vancouver')).toMatchObject({
      datePrecision: 'month',
      attendanceNote: expect.stringContaining('Ambassador Heller')
    });
  });

  test('counts delegates only where the source gives them: one 1540 Committee expert at Miami', async () => {
    const miamiOrgs = (await attendanceCounts(db, all)).find(
      (r) => r.meetingId === '2012-04-miami' && r.group === 'international_org'
    );
    expect(miamiOrgs).toMatchObject({ entities: 8, delegatesKnown: 1, delegatesUnknown: 7 });
    expect(miamiOrgs!.names).toContain('International Atomic Energy Agency');
  });
});

describe('filters narrow the results as a person would expect', () => {
  test('a presidency keeps its meetings only', async () => {
    const f = { ...all, presidency: 'FRA' };
    expect((await meetingsInView(db, f)).map((m) => m.meetingId)).toEqual(['2011-10-paris']);
    expect(new Set((await attendanceCounts(db, f)).map((r) => r.meetingId))).toEqual(
      new Set(['2011-10-paris'])
    );
  });

  test('a year range keeps the meetings that start in it', async () => {
    const f = { ...all, yearFrom: 2012, yearTo: 2012 };
    expect((await meetingsInView(db, f)).map((m) => m.meetingId)).toEqual([
      '2012-01-washington',
      '2012-03-cambridge',
      '2012-04-miami'
    ]);
  });

  test('participant kinds filter the counts and figures, not the meetings', async () => {
    const f = { ...all, groups: ['international_org', 'civil_society'] as const };
    expect((await meetingsInView(db, f)).length).toBe(9);
    expect((await attendanceCounts(db, f)).map((r) => [r.meetingId, r.group, r.entities])).toEqual([
      ['2011-10-paris', 'international_org', 1],
      ['2012-04-miami', 'international_org', 8],
      ['2012-04-miami', 'civil_society', 1]
    ]);
    expect(await attendanceFigures(db, f)).toMatchObject({
      distinctParticipants: 9,
      states: 0,
      internationalOrgs: 8
    });
  });

  test('a hostile filter value is data, not SQL', async () => {
    const f = { ...all, presidency: "USA' OR '1'='1" };
    expect(await meetingsInView(db, f)).toEqual([]);
    expect(await attendanceCounts(db, { ...all, groups: ["state_partner') OR (1=1" as never] })).toEqual([]);
  });
});

describe('growth figures and the matrix', () => {
  test('figures for the whole data: 2 of 9 meetings recorded, 30 participants, 20 states, 8 organisations', async () => {
    expect(await attendanceFigures(db, all)).toEqual({
      meetingsInView: 9,
      meetingsRecorded: 2,
      distinctParticipants: 30,
      states: 20,
      internationalOrgs: 8
    });
  });

  test('first appearances: 20 at Paris, then 10 new at Miami (Kazakhstan, Mexico and eight organisations)', async () => {
    const rows = await firstAppearances(db, all);
    expect(rows.map((r) => [r.meetingId, r.newcomers])).toEqual([
      ['2011-10-paris', 20],
      ['2012-04-miami', 10]
    ]);
    expect(rows[1]!.names).toContain('Kazakhstan');
    expect(rows[1]!.names).toContain('Mexico');
    expect(rows[1]!.names).not.toContain('Canada');
  });

  test('the matrix lists states first, marks newcomers, and keeps Mexico as an observer', async () => {
    const rows = await attendanceMatrix(db, all);
    const first = rows.find((r) => r.rank === 1)!;
    expect(first.entityKind).toBe('state');
    const newcomers = rows
      .filter((r) => r.newcomer)
      .map((r) => r.entityId)
      .sort();
    expect(newcomers).toEqual([
      'IAEA',
      'INTERPOL',
      'KAZ',
      'MEX',
      'OIE',
      'OPCW',
      'UNODA',
      'WCO',
      'WHO',
      'WINS'
    ]);
    expect(rows.find((r) => r.entityId === 'MEX')).toMatchObject({
      capacity: 'observer',
      meetingId: '2012-04-miami'
    });
    // Who came to both seed meetings: 14 states, the EU and the 1540 Committee experts.
    const both = new Map<string, number>();
    for (const r of rows) both.set(r.entityId, (both.get(r.entityId) ?? 0) + 1);
    expect([...both.values()].filter((n) => n === 2)).toHaveLength(16);
  });

  test('filter options come from the data', async () => {
    expect((await presidencyOptions(db)).map((p) => p.presidency)).toEqual([
      'CAN',
      'FRA',
      'DEU',
      'ITA',
      'JPN',
      'USA'
    ]);
    expect(await meetingYearRange(db)).toEqual({ first: 2004, last: 2023 });
  });
});
