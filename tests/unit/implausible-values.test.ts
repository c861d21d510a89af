/**
 * Values that parse but make no sense (NaN, Infinity, the year 99999) are refused with their file, column, row and
 * value, through the loader the browser uses, on real DuckDB, and nothing changes; column names are matched as a
 * person reads them (case and surrounding spaces do not matter), with a notice.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PLAUSIBLE_YEARS } from '$lib/data/contract';
import { sql, type ArrowDb } from '$lib/data/db';
import { loadUserFiles, type UserFile } from '$lib/data/user-files';
import { parquetFixture, sample } from './fixtures';
import { openSampleDb, tableChecksums } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const LAST = PLAUSIBLE_YEARS.last();
const EXAMPLE = 'data/examples/contributions.csv';

/** The example contributions CSV with some cells edited (row numbers are data rows, 1-based) and its header. */
function contributionsCsv(
  edits: { row: number; column: string; value: string }[],
  header = (name: string) => name,
  name = 'contributions.csv'
): UserFile {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(EXAMPLE, 'utf8'), {
    header: true,
    skipEmptyLines: true
  });
  for (const e of edits) data[e.row - 1]![e.column] = e.value;
  const columns = Object.keys(data[0]!);
  const text = Papa.unparse({ fields: columns.map(header), data: data.map((r) => columns.map((c) => r[c])) });
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Loads, expects a refusal, checks that no table changed, and returns the messages. */
async function refused(...files: UserFile[]): Promise<string[]> {
  const before = await tableChecksums(db);
  const result = await loadUserFiles(db, files);
  expect(await tableChecksums(db)).toEqual(before);
  if (result.ok) throw new Error('the load was accepted');
  return result.problems.map((p) => p.message);
}

const asUserFile = async (...args: Parameters<typeof parquetFixture>): Promise<UserFile> => {
  const f = await parquetFixture(...args);
  return { name: f.file, bytes: f.bytes };
};

describe('non-finite numbers are refused', () => {
  test('NaN, Infinity and -Infinity written in a CSV', async () => {
    const file = contributionsCsv([
      { row: 3, column: 'amount_usd', value: 'NaN' },
      { row: 5, column: 'amount_usd', value: 'Infinity' },
      { row: 6, column: 'amount_usd', value: '-Infinity' }
    ]);
    expect(await refused(file)).toEqual([
      'contributions.csv, column "amount_usd", row 3: "NaN" is not a finite number',
      'contributions.csv, column "amount_usd", row 5: "Infinity" is not a finite number',
      'contributions.csv, column "amount_usd", row 6: "-Infinity" is not a finite number'
    ]);
  });

  test("a Parquet file's NaN and infinite floats, in every numeric column", async () => {
    const needs = await asUserFile(
      'needs',
      `SELECT * REPLACE (CASE WHEN need_id = 'ill-need-001' THEN 'NaN'::DOUBLE
                              WHEN need_id = 'ill-need-002' THEN 'Infinity'::DOUBLE ELSE estimated_usd END AS estimated_usd)
       FROM (${sample('needs')}) ORDER BY need_id`
    );
    const messages = await refused(needs);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /^needs\.parquet, column "estimated_usd", row \d+: "nan" is not a finite number$/
    );
    expect(messages[1]).toMatch(
      /^needs\.parquet, column "estimated_usd", row \d+: "inf" is not a finite number$/
    );
    // A float NaN in a whole-number column is no whole number.
    const participation = await asUserFile(
      'participation',
      `SELECT * REPLACE (CASE WHEN entity_id = 'WINS' THEN 'NaN'::DOUBLE ELSE delegates END AS delegates)
       FROM (${sample('participation')})`
    );
    expect(await refused(participation)).toEqual([
      'participation.parquet, column "delegates", row 46: "nan" is not a whole number (INTEGER)'
    ]);
  });
});

describe('years are plausible: 1990 to ten years from now', () => {
  test('a contribution in the year 99999, and one in 1989, from a CSV', async () => {
    const file = contributionsCsv([
      { row: 2, column: 'year', value: '99999' },
      { row: 4, column: 'period_end_year', value: '1989' }
    ]);
    expect(await refused(file)).toEqual([
      `contributions.csv, column "year", row 2: "99999" is not a plausible year (1990 to ${LAST})`,
      `contributions.csv, column "period_end_year", row 4: "1989" is not a plausible year (1990 to ${LAST})`,
      // What follows from them is said too: the user sees every row to look at.
      'contributions.csv, column "period_end_year", row 2: period_end_year 2012 is before year 99999',
      'contributions.csv, column "period_end_year", row 4: period_end_year 1989 is before year 2002'
    ]);
  });

  test('need, membership and presidency years, and meeting dates', async () => {
    const cases: [UserFile, RegExp][] = [
      [
        await asUserFile(
          'needs',
          `SELECT * REPLACE (CASE WHEN need_id = 'ill-need-001' THEN ${LAST + 1} ELSE year END AS year)
           FROM (${sample('needs')})`
        ),
        new RegExp(`^needs\\.parquet, column "year", row \\d+: "${LAST + 1}" is not a plausible year`)
      ],
      [
        await asUserFile(
          'memberships',
          `SELECT * REPLACE (CASE WHEN entity_id = 'USA' THEN 3020 ELSE from_year END AS from_year)
           FROM (${sample('memberships')})`
        ),
        /^memberships\.parquet, column "from_year", row \d+: "3020" is not a plausible year/
      ],
      [
        await asUserFile(
          'meetings',
          `SELECT * REPLACE (CASE WHEN meeting_id = '2011-10-paris' THEN 201 ELSE presidency_year END AS presidency_year)
           FROM (${sample('meetings')})`
        ),
        /^meetings\.parquet, column "presidency_year", row 3: "201" is not a plausible year/
      ],
      [
        await asUserFile(
          'meetings',
          `SELECT * REPLACE (CASE WHEN meeting_id = '2011-10-paris' THEN DATE '1911-10-10' ELSE date_start END AS date_start)
           FROM (${sample('meetings')})`
        ),
        /^meetings\.parquet, column "date_start", row 3: "1911-10-10" is not a date in a plausible year \(1990 to \d+\)$/
      ]
    ];
    for (const [file, message] of cases) {
      const messages = await refused(file);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(message);
    }
  });

  test('a source may be older (treaties and reports): published in 1968 loads', async () => {
    const sources = await asUserFile(
      'sources',
      `SELECT * REPLACE (CASE WHEN row_number() OVER () = 1 THEN DATE '1968-07-01' ELSE published END AS published)
       FROM (${sample('sources')})`
    );
    expect(await loadUserFiles(db, [sources])).toMatchObject({ ok: true });
    expect((await loadUserFiles(db, [await asUserFile('sources', sample('sources'))])).ok).toBe(true);
  });
});

describe('column names are matched as a person reads them', () => {
  test('spaces and capitals in a CSV header: loaded, with a notice naming each column', async () => {
    const spelled: Record<string, string> = {
      contribution_id: ' CONTRIBUTION_ID ',
      amount_usd: 'Amount_USD'
    };
    const file = contributionsCsv([], (name) => spelled[name] ?? name);
    const result = await loadUserFiles(db, [file]);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.notices).toContain(
      'contributions.csv: columns matched under another spelling: "CONTRIBUTION_ID" as contribution_id, "Amount_USD" as amount_usd.'
    );
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions WHERE amount_usd > 0`
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(50);
  });

  test('capitals in Parquet column names, and a file matched to its table by such columns', async () => {
    const file = await asUserFile(
      'contributions',
      `SELECT contribution_id AS "Contribution_ID", * EXCLUDE (contribution_id) FROM (${sample('contributions')})`,
      'grants-2026.parquet'
    );
    const result = await loadUserFiles(db, [file]);
    expect(result).toMatchObject({ ok: true, tables: [{ table: 'contributions' }] });
    if (!result.ok) return;
    expect(result.notices).toEqual([
      'grants-2026.parquet was matched to contributions by its columns.',
      'grants-2026.parquet: columns matched under another spelling: "Contribution_ID" as contribution_id.'
    ]);
  });

  test('two columns that are one to a person are refused, naming both', async () => {
    const csv = contributionsCsv([], (name) => (name === 'project' ? 'Year' : name));
    expect(await refused(csv)).toEqual([
      'contributions.csv: has columns "year" and "Year", which are one column to the dashboard (letter case and surrounding spaces do not matter): keep one'
    ]);
    const parquet = await asUserFile(
      'contributions',
      `SELECT *, year AS " YEAR" FROM (${sample('contributions')})`
    );
    expect(await refused(parquet)).toEqual([
      'contributions.parquet: has columns "year" and " YEAR", which are one column to the dashboard (letter case and surrounding spaces do not matter): keep one'
    ]);
  });
});
