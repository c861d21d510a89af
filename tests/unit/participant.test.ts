/** A participant's page, on the sample in real DuckDB: membership, meetings of its membership years, requests. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type ArrowDb } from '$lib/data/db';
import {
  meetingPresence,
  memberships,
  ownRequests,
  participant,
  participantSources
} from '$lib/data/queries/participant';
import { attendanceWords, parseComparison, serializeComparison } from '$lib/views/comparison';
import { membershipWords } from '$lib/views/participant';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

describe("a participant's page", () => {
  test('Canada: a partner from 2002; Paris and Miami attended, Vancouver not recorded', async () => {
    expect(await participant(db, 'CAN')).toMatchObject({ name: 'Canada', region: 'Americas' });
    expect((await memberships(db, 'CAN')).map(membershipWords)).toEqual(['partner from 2002']);
    const seen = Object.fromEntries((await meetingPresence(db, 'CAN')).map((m) => [m.meetingId, m.presence]));
    expect(seen).toMatchObject({
      '2011-10-paris': 'attended',
      '2012-04-miami': 'attended',
      '2010-10-vancouver': 'not_recorded'
    });
  });

  test('"not listed" only where a list is recorded and the participant is not on it', async () => {
    const partners = await db.query<{ id: string }>(
      sql`SELECT DISTINCT entity_id AS id FROM memberships WHERE status = 'partner'`
    );
    let notListed = 0;
    for (const { id } of partners) {
      for (const m of await meetingPresence(db, id)) {
        const [row] = (await db.query<{ listed: boolean; recorded: boolean }>(sql`
          SELECT EXISTS (SELECT 1 FROM participation p WHERE p.meeting_id = ${m.meetingId} AND p.entity_id = ${id})
                   AS listed,
                 (SELECT attendance_recorded FROM meetings WHERE meeting_id = ${m.meetingId}) AS recorded`)) as [
          { listed: boolean; recorded: boolean }
        ];
        const expected = row.listed ? 'attended' : row.recorded ? 'not_listed' : 'not_recorded';
        expect(m.presence, `${id} at ${m.meetingId}`).toBe(expected);
        if (m.presence === 'not_listed') notListed += 1;
      }
    }
    expect(notListed).toBeGreaterThan(0);
  });

  test('a join year no source gives is said so; the meetings start where a source confirms it', async () => {
    const [chile] = await memberships(db, 'CHL');
    expect(chile!.fromYear).toBeNull();
    expect(membershipWords(chile!)).toBe(
      'partner the year it began is not recorded; a source confirms it by 2020'
    );
    const years = (await meetingPresence(db, 'CHL')).map((m) => Number(m.dateStart.slice(0, 4)));
    expect(years.every((y) => y >= 2020)).toBe(true);
  });

  test('Mexico attended Miami as an observer and filed a request; its sources say what for', async () => {
    const miami = (await meetingPresence(db, 'MEX')).find((m) => m.meetingId === '2012-04-miami');
    expect(miami).toMatchObject({ presence: 'attended', capacity: 'observer' });
    expect((await ownRequests(db, 'MEX')).length).toBeGreaterThan(0);
    const about = (await participantSources(db, 'MEX')).map((s) => s.about).join(', ');
    expect(about).toContain('membership');
    expect(about).toContain('requests');
    expect(await participant(db, 'NOT-AN-ID')).toBeNull();
  });
});

describe('the comparison page', () => {
  test('its URL keeps two to five known codes, each once, and says what it left out', () => {
    const { value, notices } = parseComparison(
      new URLSearchParams('ids=CAN,FRA,<b>,CAN,DEU,ITA,JPN,GBR&domestic=exclude')
    );
    expect(value.ids).toEqual(['CAN', 'FRA', 'DEU', 'ITA', 'JPN']);
    expect(value.rules.domestic).toBe(false);
    expect(notices).toHaveLength(2);
    expect(serializeComparison(value).get('ids')).toBe('CAN,FRA,DEU,ITA,JPN');
  });

  test("Canada's attendance in words counts only the meetings with a list", async () => {
    expect(attendanceWords(await meetingPresence(db, 'CAN'))).toBe('2 of 2 meetings with a participant list');
  });
});
