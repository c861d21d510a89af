/** The committed sample extracts, loaded into the same duckdb-wasm engine the browser runs (in Node). */
import { readFileSync } from 'node:fs';
import { TABLE_NAMES } from '../../src/lib/data/contract';
import { openNodeDb } from '../../src/lib/data/duckdb-node';
import { trusted, type Db } from '../../src/lib/data/db';
import { loadExtracts, type ExtractFile } from '../../src/lib/data/load';

export const SAMPLE_DIR = 'static/data';

export function sampleFiles(dir = SAMPLE_DIR): ExtractFile[] {
  return TABLE_NAMES.map((table) => ({
    table,
    file: `${table}.parquet`,
    bytes: new Uint8Array(readFileSync(`${dir}/${table}.parquet`))
  }));
}

export async function openSampleDb() {
  const db = await openNodeDb();
  const result = await loadExtracts(db, sampleFiles());
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return db;
}

/** Per table, its row count and a hash of every row: equal before and after means nothing changed. */
export async function tableChecksums(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLE_NAMES) {
    const [row] = await db.query<{ sum: string }>(
      trusted(
        `SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(COALESCE(sum(hash(x)), 0) AS VARCHAR) AS sum FROM ${t} x`
      )
    );
    out[t] = row!.sum;
  }
  return out;
}
