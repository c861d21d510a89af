/** The committed Parquet is exactly what `npm run data` makes of the CSV sources, and bad CSV is refused. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLE_NAMES } from '../../src/lib/data/contract';
import { openNativeDb } from '../../src/lib/data/duckdb-native';
import { CSV_DIR, PARQUET_DIR, parquetPath, tablesFromCsv } from '../../scripts/extracts';
import { trusted } from '../../src/lib/data/db';
import { MANIFEST_FILE, matchesManifest, sha256Hex } from '../../src/lib/data/bundled';

let db: Awaited<ReturnType<typeof openNativeDb>>;
beforeAll(async () => {
  db = await openNativeDb();
});
afterAll(() => db.close());

describe('the committed extracts', () => {
  test.each(TABLE_NAMES)(
    '%s: the committed Parquet matches the CSV source row for row (else run `npm run data`)',
    async (table) => {
      const fresh = await openNativeDb();
      try {
        expect(await tablesFromCsv(fresh)).toEqual([]);
        const committed = `read_parquet('${parquetPath(PARQUET_DIR, table)}')`;
        const [diff] = await fresh.query<{ missing: number; extra: number }>(
          trusted(`SELECT (SELECT CAST(count(*) AS INTEGER) FROM (SELECT * FROM ${table} EXCEPT ALL SELECT * FROM ${committed})) AS missing,
                (SELECT CAST(count(*) AS INTEGER) FROM (SELECT * FROM ${committed} EXCEPT ALL SELECT * FROM ${table})) AS extra`)
        );
        expect(diff).toEqual({ missing: 0, extra: 0 });
      } finally {
        fresh.close();
      }
    }
  );
});

describe('the manifest of the validated sample', () => {
  const files = () =>
    TABLE_NAMES.map((table) => ({
      table,
      file: `${table}.parquet`,
      bytes: new Uint8Array(readFileSync(parquetPath(PARQUET_DIR, table)))
    }));
  const manifest = () => JSON.parse(readFileSync(join(PARQUET_DIR, MANIFEST_FILE), 'utf8'));
  const hashes = (fs: ReturnType<typeof files>) => Promise.all(fs.map((f) => sha256Hex(f.bytes)));

  test('holds the SHA-256 of every committed file (else run `npm run data`), so the browser may skip the checks', async () => {
    expect(matchesManifest(files(), await hashes(files()), manifest())).toBe(true);
    // The day the sample's content last changed: its date in exports and print.
    expect(manifest().updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('a file changed by one byte, or no manifest, is checked like any file', async () => {
    const changed = files();
    changed[0]!.bytes[100] = changed[0]!.bytes[100]! ^ 1;
    expect(matchesManifest(changed, await hashes(changed), manifest())).toBe(false);
    expect(matchesManifest(files(), await hashes(files()), null)).toBe(false);
  });
});

describe('tablesFromCsv(db)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gp-csv-'));
    cpSync(CSV_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('refuses a CSV that breaks the contract and names the file, column and row', async () => {
    const path = join(dir, 'meetings.csv');
    const csv = readFileSync(path, 'utf8').replace(
      '2011-10-paris,2011-10-10,2011-10-10,day',
      '2011-10-paris,2011-10-10,2011-10-10,week'
    );
    writeFileSync(path, csv);
    const problems = await tablesFromCsv(db, dir);
    expect(problems.map((p) => p.message)).toEqual([
      `${path}, column "date_precision", row 3: "week" is not one of: day, month, year`
    ]);
  });
});
