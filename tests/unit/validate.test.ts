import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type ArrowDb } from '../../src/lib/data/db';
import { loadExtracts, type ExtractFile } from '../../src/lib/data/load';
import { parquetFixture, sample } from './fixtures';
import { openSampleDb, tableChecksums } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

/** Loads the files, expects a rejection, checks nothing changed, and returns the messages. */
async function rejected(...files: ExtractFile[]) {
  const before = await tableChecksums(db);
  const result = await loadExtracts(db, files);
  expect(await tableChecksums(db)).toEqual(before);
  if (result.ok) throw new Error('the load was accepted');
  return result.problems;
}

describe('the validator names the file, column, row and value of each broken rule', () => {
  test('a missing column', async () => {
    const problems = await rejected(
      await parquetFixture('participation', `SELECT * EXCLUDE (capacity) FROM (${sample('participation')})`)
    );
    expect(problems.map((p) => p.message)).toEqual([
      'participation.parquet, column "capacity": this column is missing'
    ]);
    expect(problems[0]).toMatchObject({ file: 'participation.parquet', column: 'capacity', row: null });
  });

  test('a value that cannot be cast losslessly to the contract type', async () => {
    const problems = await rejected(
      await parquetFixture(
        'participation',
        `SELECT * REPLACE (CASE WHEN entity_id = 'WINS' THEN 1.5 ELSE delegates END AS delegates)
         FROM (${sample('participation')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'participation.parquet, column "delegates", row 46: "1.5" is not a whole number (INTEGER)'
    ]);
  });

  test('text that is not a date', async () => {
    const problems = await rejected(
      await parquetFixture(
        'meetings',
        `SELECT * REPLACE (CASE WHEN meeting_id = '2011-10-paris' THEN '10/10/2011' ELSE CAST(date_start AS VARCHAR) END AS date_start)
         FROM (${sample('meetings')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'meetings.parquet, column "date_start", row 3: "10/10/2011" is not a date (DATE, YYYY-MM-DD)'
    ]);
  });

  test('a null in a NOT NULL column', async () => {
    const problems = await rejected(
      await parquetFixture(
        'contributions',
        `SELECT * REPLACE (CASE WHEN contribution_id = 'ill-002' THEN NULL ELSE amount_usd END AS amount_usd)
         FROM (${sample('contributions')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'contributions.parquet, column "amount_usd", row 23: a value is required here'
    ]);
  });

  test('a value outside an enumeration', async () => {
    const problems = await rejected(
      await parquetFixture(
        'contributions',
        `SELECT * REPLACE (CASE WHEN contribution_id = 'ill-001' THEN 'promised' ELSE stage END AS stage)
         FROM (${sample('contributions')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'contributions.parquet, column "stage", row 22: "promised" is not one of: pledged, committed, disbursed'
    ]);
    expect(problems[0]).toMatchObject({ row: 22, value: 'promised', column: 'stage' });
  });

  test('a duplicate key, and a duplicate composite key', async () => {
    const entities = await rejected(
      await parquetFixture(
        'entities',
        `${sample('entities')} UNION ALL SELECT 'FRA', 'France again', 'state', 'Europe', 'Western Europe', 'un-m49'`
      )
    );
    expect(entities.map((p) => p.message)).toEqual([
      'entities.parquet, column "entity_id", row 59: duplicate key "FRA" (first at row 2)'
    ]);
    const participation = await rejected(
      await parquetFixture(
        'participation',
        `${sample('participation')} UNION ALL SELECT '2011-10-paris', 'FRA', 'partner', NULL, 'note-1540-gpwg-2011-10-paris'`
      )
    );
    expect(participation.map((p) => p.message)).toEqual([
      'participation.parquet, column "meeting_id, entity_id", row 47: duplicate key "2011-10-paris / FRA" (first at row 5)'
    ]);
  });

  test('references to an unknown entity, meeting and source', async () => {
    const problems = await rejected(
      await parquetFixture(
        'participation',
        `${sample('participation')} UNION ALL SELECT '2099-01-atlantis', 'ATL', 'guest', NULL, 'no-such-source'`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'participation.parquet, column "meeting_id", row 47: "2099-01-atlantis" is not a meeting_id in meetings',
      'participation.parquet, column "entity_id", row 47: "ATL" is not a entity_id in entities',
      'participation.parquet, column "source_id", row 47: "no-such-source" is not a source_id in sources'
    ]);
  });

  test('references resolve against the other files of the same load', async () => {
    const entities = await parquetFixture(
      'entities',
      `${sample('entities')} UNION ALL SELECT 'ATL', 'Atlantis', 'state', 'Europe', NULL, 'illustrative-sample'`
    );
    const participation = await parquetFixture(
      'participation',
      `${sample('participation')} UNION ALL SELECT '2011-10-paris', 'ATL', 'guest', NULL, 'illustrative-sample'`
    );
    const result = await loadExtracts(db, [entities, participation]);
    expect(result).toMatchObject({ ok: true, tables: ['entities', 'participation'] });
    const [atl] = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM participation WHERE entity_id = 'ATL'`
    );
    expect(atl!.n).toBe(1);
    // Put the sample back for the other tests.
    const restore = await loadExtracts(db, [
      await parquetFixture('participation', sample('participation')),
      await parquetFixture('entities', sample('entities'))
    ]);
    expect(restore.ok).toBe(true);
  });

  test('overlapping membership periods', async () => {
    const problems = await rejected(
      await parquetFixture(
        'memberships',
        // An extract made before ended_by_year existed: it still loads, so its other rules are checked.
        `SELECT * EXCLUDE (ended_by_year) FROM (${sample('memberships')})
         UNION ALL SELECT 'MEX', 'observer', 2010, 2013, NULL, 'illustrative-sample'`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'memberships.parquet, column "from_year", row 33: period of "MEX" overlaps its period at row 25'
    ]);
  });

  test('a membership with neither from_year nor confirmed_year', async () => {
    const problems = await rejected(
      await parquetFixture(
        'memberships',
        `SELECT * EXCLUDE (ended_by_year) FROM (${sample('memberships')})
         UNION ALL SELECT 'ALB', 'invitee', NULL, NULL, NULL, 'illustrative-sample'`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'memberships.parquet, column "confirmed_year", row 33: a membership without from_year needs a confirmed_year'
    ]);
  });

  test('date_end before date_start', async () => {
    const problems = await rejected(
      await parquetFixture(
        'meetings',
        `SELECT * REPLACE (CASE WHEN meeting_id = '2012-04-miami' THEN DATE '2012-04-16' ELSE date_end END AS date_end)
         FROM (${sample('meetings')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'meetings.parquet, column "date_end", row 6: date_end 2012-04-16 is before date_start 2012-04-17'
    ]);
  });

  test('a negative amount', async () => {
    const problems = await rejected(
      await parquetFixture(
        'contributions',
        `SELECT * REPLACE (CASE WHEN contribution_id = 'ill-003' THEN -5.0 ELSE amount_usd END AS amount_usd)
         FROM (${sample('contributions')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'contributions.parquet, column "amount_usd", row 24: must not be negative (found -5.0)'
    ]);
  });

  test('a link that is not http(s)', async () => {
    const problems = await rejected(
      await parquetFixture(
        'sources',
        `SELECT * REPLACE (CASE WHEN source_id = 'un-m49' THEN 'javascript:alert(1)' ELSE url END AS url) FROM (${sample('sources')})`
      )
    );
    expect(problems.map((p) => p.message)).toEqual([
      'sources.parquet, column "url", row 3: a link must start with http:// or https://'
    ]);
  });

  test('a file that is not Parquet', async () => {
    const garbage = {
      table: 'needs' as const,
      file: 'needs.parquet',
      bytes: new TextEncoder().encode('need_id,year\n1,2')
    };
    const [problem, ...rest] = await rejected(garbage);
    expect(rest).toEqual([]);
    expect(problem!.message).toMatch(/^needs\.parquet: not a readable Parquet file \(/);
  });

  test('every problem of a file is listed, not only the first', async () => {
    const problems = await rejected(
      await parquetFixture(
        'needs',
        `SELECT * REPLACE (CASE WHEN need_id LIKE 'ill-need-00%' THEN 'pending' ELSE status END AS status,
                           CASE WHEN need_id = 'ill-need-001' THEN -1.0 ELSE estimated_usd END AS estimated_usd)
         FROM (${sample('needs')})`
      )
    );
    expect(problems.filter((p) => p.column === 'status')).toHaveLength(9);
    expect(problems.filter((p) => p.column === 'estimated_usd')).toHaveLength(1);
  });

  test('a good file replaces its table, with a notice for extra columns', async () => {
    const result = await loadExtracts(db, [
      await parquetFixture('needs', `SELECT *, 'x' AS reviewer FROM (${sample('needs')}) WHERE year < 2012`)
    ]);
    expect(result).toEqual({
      ok: true,
      tables: ['needs'],
      notices: ['needs.parquet: extra columns ignored: reviewer']
    });
    const [n] = await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM needs`);
    expect(n!.n).toBe(17);
    expect((await loadExtracts(db, [await parquetFixture('needs', sample('needs'))])).ok).toBe(true);
  });
});

describe('validation is set-based', () => {
  test('a good table is checked in one aggregate query, whatever the number of rules', async () => {
    const files = await Promise.all(
      (['contributions', 'memberships'] as const).map((t) => parquetFixture(t, sample(t)))
    );
    const statements: string[] = [];
    const counting: ArrowDb = {
      ...db,
      query: (q) => (statements.push(q.text), db.query(q)),
      exec: (text) => (statements.push(text), db.exec(text))
    };
    expect((await loadExtracts(counting, files)).ok).toBe(true);
    const checks = statements.filter((s) => /count\(\*\) FILTER/.test(s));
    expect(checks).toHaveLength(2);
    // No rule looked for offending rows, since none broke.
    expect(statements.filter((s) => /ORDER BY row LIMIT/.test(s))).toEqual([]);
  });
});
