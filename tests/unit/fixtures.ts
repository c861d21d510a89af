/** Small Parquet fixtures written by native DuckDB from a SELECT, so each test states its broken rows in SQL. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNativeDb } from '../../src/lib/data/duckdb-native';
import type { TableName } from '../../src/lib/data/contract';
import type { ExtractFile } from '../../src/lib/data/load';

const native = openNativeDb();

/** A Parquet file for `table` whose rows are the result of `select` (trusted test SQL). */
export async function parquetFixture(
  table: TableName,
  select: string,
  file = `${table}.parquet`
): Promise<ExtractFile> {
  const db = await native;
  const dir = mkdtempSync(join(tmpdir(), 'gp-fixture-'));
  const path = join(dir, 'fixture.parquet');
  try {
    await db.exec(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
    return { table, file, bytes: new Uint8Array(readFileSync(path)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed sample table as a SELECT, to be edited by a fixture. */
export const sample = (table: TableName) => `SELECT * FROM read_parquet('static/data/${table}.parquet')`;
