/**
 * Parquet as a team's tools write it (tests/fixtures/parquet, made by scripts/parquet-fixtures.ts): every codec,
 * data pages v2, small row groups, wide types, large and dictionary strings, timestamp and INT96 dates. Each loads
 * through the loader the browser uses, on duckdb-wasm, and holds exactly the sample's rows; what cannot be read
 * without loss is refused with its column and row.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type ArrowDb } from '$lib/data/db';
import { loadExtracts } from '$lib/data/load';
import { loadUserFiles } from '$lib/data/user-files';
import { parquetFixture, sample } from './fixtures';
import { openSampleDb, tableChecksums } from './sample-db';

const DIR = 'tests/fixtures/parquet';
let db: ArrowDb & { close(): void };
let sampleContributions: string;
beforeAll(async () => {
  db = await openSampleDb();
  sampleContributions = (await tableChecksums(db)).contributions!;
});
afterAll(() => db.close());

const file = (variant: string) => ({
  name: 'contributions.parquet',
  bytes: new Uint8Array(readFileSync(`${DIR}/contributions-${variant}.parquet`))
});

describe('Parquet as writers write it', () => {
  const variants = [
    'uncompressed',
    'snappy',
    'gzip',
    'zstd',
    'lz4_raw',
    'brotli',
    'pages-v2',
    'small-row-groups',
    'wide-types',
    // Polars' large strings and pandas' categoricals, as the file's own Arrow schema says.
    'large-and-dictionary-strings'
  ];
  for (const variant of variants) {
    test(`${variant}: loads, and every row is the sample's`, async () => {
      const result = await loadUserFiles(db, [file(variant)]);
      expect(result).toMatchObject({ ok: true, tables: [{ table: 'contributions' }] });
      expect((await tableChecksums(db)).contributions).toBe(sampleContributions);
    });
  }

  test('a set of files (part-0, part-1) is matched by its columns and appended into one table', async () => {
    const parts = ['part-0', 'part-1'].map((name) => ({
      name: `${name}.parquet`,
      bytes: new Uint8Array(readFileSync(`${DIR}/set/${name}.parquet`))
    }));
    const result = await loadUserFiles(db, parts);
    expect(result).toMatchObject({
      ok: true,
      tables: [{ table: 'contributions', file: 'part-0.parquet, part-1.parquet' }]
    });
    expect((await tableChecksums(db)).contributions).toBe(sampleContributions);
  });

  test('an amount with more digits than a number holds is refused with its column and row, never rounded', async () => {
    const before = await tableChecksums(db);
    const result = await loadUserFiles(db, [file('decimal-beyond-double')]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      'contributions.parquet, column "amount_usd", row 22: "1234567890123456789.0123" is not a number (DOUBLE)'
    ]);
    expect(await tableChecksums(db)).toEqual(before);
  });

  test('a truncated ZSTD file is called corrupt, a good one never is', async () => {
    const bytes = file('zstd').bytes;
    const cut = { name: 'contributions.parquet', bytes: bytes.slice(0, bytes.length - 300) };
    const result = await loadUserFiles(db, [cut]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(
      /^contributions\.parquet: (not a readable Parquet file|the Parquet data is corrupt or truncated)/
    );
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`
    )) as [{ n: number }];
    // The sample's rows, all of them: nothing of the refused file got in.
    expect(n).toBe(readFileSync('data/contributions.csv', 'utf8').trim().split('\n').length - 1);
  });
});

describe('dates as timestamps', () => {
  const meetingsFile = (variant: string) => ({
    name: 'meetings.parquet',
    bytes: new Uint8Array(readFileSync(`${DIR}/meetings-${variant}.parquet`))
  });

  for (const variant of ['timestamp', 'int96']) {
    test(`meeting dates written as ${variant === 'int96' ? "Spark's INT96" : 'TIMESTAMP'} load as the same dates`, async () => {
      const before = await tableChecksums(db);
      const result = await loadUserFiles(db, [meetingsFile(variant)]);
      expect(result).toMatchObject({ ok: true, tables: [{ table: 'meetings' }] });
      expect(await tableChecksums(db)).toEqual(before);
    });
  }

  test('an INT96 date beyond 2262 is refused with its column and row, never wrapped round into another date', async () => {
    const before = await tableChecksums(db);
    const result = await loadUserFiles(db, [meetingsFile('int96-beyond-2262')]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      'meetings.parquet, column "date_end", row 3: "2311-10-10" is outside the years 1677 to 2262 that a timestamp (INT96) can be read in'
    ]);
    expect(await tableChecksums(db)).toEqual(before);
  });
});

describe('a large Parquet file', () => {
  test('arrives in parts of a few row groups, and every row is there, in the file order, with problems named by their row', async () => {
    // 250,000 contributions: DuckDB writes row groups of 122,880, so three parts reach DuckDB one after another.
    const rows = 250_000;
    const many = `SELECT * REPLACE ('c-' || lpad(CAST(i AS VARCHAR), 6, '0') AS contribution_id,
                          CASE WHEN i = ${rows} THEN -1.0 ELSE amount_usd END AS amount_usd)
                  FROM (SELECT * FROM (${sample('contributions')}) LIMIT 1), range(1, ${rows + 1}) AS r(i)
                  ORDER BY i`;
    const bad = await parquetFixture('contributions', many);
    const refused = await loadExtracts(db, [bad]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.message)).toEqual([
      `contributions.parquet, column "amount_usd", row ${rows}: must not be negative (found -1.0)`
    ]);
    const good = await parquetFixture('contributions', many.replace('-1.0', 'amount_usd'));
    expect((await loadExtracts(db, [good])).ok).toBe(true);
    const [first, last] = await db.query<{ id: string }>(
      sql`SELECT contribution_id AS id FROM contributions WHERE rowid IN (0, ${rows - 1}) ORDER BY rowid`
    );
    expect([first!.id, last!.id]).toEqual(['c-000001', `c-${rows}`]);
    expect(
      (await loadExtracts(db, [await parquetFixture('contributions', sample('contributions'))])).ok
    ).toBe(true);
  });
});
