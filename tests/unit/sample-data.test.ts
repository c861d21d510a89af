/** The bundled sample against what the seed notes and the cited references say, through the real queries. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type ArrowDb } from '../../src/lib/data/db';
import { citedSources, partnersPerYear, sourceList, tableMix } from '../../src/lib/data/queries/home';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

async function attendees(meetingId: string, kind: string) {
  const rows = await db.query<{ id: string }>(
    sql`SELECT p.entity_id AS id FROM participation p JOIN entities e USING (entity_id)
     WHERE p.meeting_id = ${meetingId} AND e.kind = ${kind} ORDER BY id`
  );
  return rows.map((r) => r.id);
}

describe('the seed notes', () => {
  test('Paris, 10 October 2011 (enlarged format): the 18 states, the EU and the 1540 Committee experts', async () => {
    expect(await attendees('2011-10-paris', 'state')).toEqual([
      'AUS',
      'CAN',
      'CHE',
      'CZE',
      'DEU',
      'FIN',
      'FRA',
      'GBR',
      'ITA',
      'JPN',
      'KOR',
      'NLD',
      'NZL',
      'POL',
      'RUS',
      'SWE',
      'UKR',
      'USA'
    ]);
    expect(await attendees('2011-10-paris', 'european_union')).toEqual(['EU']);
    expect(await attendees('2011-10-paris', 'international_org')).toEqual(['UN1540']);
    const [paris] = await db.query<{ format: string; day: string }>(
      sql`SELECT format, CAST(date_start AS VARCHAR) AS day FROM meetings WHERE meeting_id = '2011-10-paris'`
    );
    expect(paris).toEqual({ format: 'enlarged', day: '2011-10-10' });
  });

  test('Miami, 17-18 April 2012: 16 states with Mexico as an observer, the EU, 8 organisations and WINS', async () => {
    const states = await attendees('2012-04-miami', 'state');
    expect(states).toHaveLength(16);
    expect(states).toContain('KAZ');
    expect(await attendees('2012-04-miami', 'international_org')).toEqual([
      'IAEA',
      'INTERPOL',
      'OIE',
      'OPCW',
      'UN1540',
      'UNODA',
      'WCO',
      'WHO'
    ]);
    expect(await attendees('2012-04-miami', 'civil_society')).toEqual(['WINS']);
    const capacities = await db.query<{ id: string; capacity: string; delegates: number | null }>(
      sql`SELECT entity_id AS id, capacity, delegates FROM participation
       WHERE meeting_id = '2012-04-miami' AND entity_id IN ('MEX', 'UN1540', 'USA') ORDER BY id`
    );
    expect(capacities).toEqual([
      { id: 'MEX', capacity: 'observer', delegates: null },
      { id: 'UN1540', capacity: 'guest', delegates: 1 },
      { id: 'USA', capacity: 'partner', delegates: null }
    ]);
  });

  test('the meetings the notes mention without a list are "not recorded", with honest dates', async () => {
    const rows = await db.query<{ id: string; precision: string; recorded: boolean; listed: number }>(
      sql`SELECT m.meeting_id AS id, m.date_precision AS precision, m.attendance_recorded AS recorded,
              CAST(count(p.entity_id) AS INTEGER) AS listed
       FROM meetings m LEFT JOIN participation p USING (meeting_id)
       WHERE m.meeting_id IN ('2010-10-vancouver', '2012-01-washington', '2012-03-cambridge')
       GROUP BY ALL ORDER BY id`
    );
    expect(rows).toEqual([
      { id: '2010-10-vancouver', precision: 'month', recorded: false, listed: 0 },
      { id: '2012-01-washington', precision: 'day', recorded: false, listed: 0 },
      { id: '2012-03-cambridge', precision: 'day', recorded: false, listed: 0 }
    ]);
  });
});

describe('partnersPerYear(db)', () => {
  test('counts the partners the references give, the EU included: 23 in 2004 and 2011, 25 in 2012', async () => {
    const rows = await partnersPerYear(db, { countEu: true });
    const total = (year: number) => {
      const r = rows.find((x) => x.year === year)!;
      return r.known + r.yearUnknown;
    };
    expect(rows[0]).toEqual({ year: 2002, known: 9, yearUnknown: 0, illustrative: 0 });
    expect(total(2003)).toBe(15);
    expect(total(2004)).toBe(23);
    expect(total(2011)).toBe(23);
    expect(total(2012)).toBe(25);
    expect(total(2013)).toBe(27);
  });

  test('counts the EU once, and only when asked', async () => {
    const withEu = await partnersPerYear(db, { countEu: true });
    const withoutEu = await partnersPerYear(db, { countEu: false });
    expect(withEu.map((r) => r.known - 1)).toEqual(withoutEu.map((r) => r.known));
  });

  test('never places an unknown join year: Jordan and four more from their confirmed 2020', async () => {
    const rows = await partnersPerYear(db, { countEu: true });
    expect(rows.filter((r) => r.yearUnknown > 0).map((r) => [r.year, r.yearUnknown])).toEqual([
      [2020, 5],
      [2021, 5],
      [2022, 5],
      [2023, 5]
    ]);
  });
});

describe('provenance', () => {
  test('every row of every table cites a source of a known kind; illustrative rows are counted', async () => {
    const mix = await tableMix(db);
    const rowsOf = (table: string) => mix.filter((m) => m.table === table).reduce((s, m) => s + m.rows, 0);
    const [counts] = await db.query<Record<string, number>>(
      sql`SELECT (SELECT CAST(count(*) AS INTEGER) FROM contributions) AS contributions,
              (SELECT CAST(count(*) AS INTEGER) FROM participation) AS participation`
    );
    expect(rowsOf('contributions')).toBe(counts!.contributions);
    expect(rowsOf('participation')).toBe(counts!.participation);
    expect(mix).toContainEqual({ table: 'participation', kind: 'seed', rows: 46 });
    expect(mix.find((m) => m.table === 'contributions' && m.kind === 'illustrative')!.rows).toBeGreaterThan(
      0
    );
  });

  test('sources: two seed notes first, every cited source has a link, the source line of memberships', async () => {
    const sources = await sourceList(db);
    expect(sources.slice(0, 2).map((s) => s.kind)).toEqual(['seed', 'seed']);
    expect(sources.filter((s) => s.kind === 'cited' && !/^https?:\/\//.test(s.url ?? ''))).toEqual([]);
    const cited = await citedSources(db, 'memberships');
    expect(cited.map((s) => s.sourceId)).toContain('state-2012-kazakhstan');
    expect(cited.every((s) => s.kind === 'cited')).toBe(true);
  });
});
