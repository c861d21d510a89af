/**
 * The bundled sample in native DuckDB, for the build: the prerendered pages run the views' own query sets on it.
 * The Parquet files were checked against the contract when they were built (`npm run data`).
 */
import { TABLE_NAMES } from '$lib/data/contract';
import { quoteIdent, quoteLiteral, type Db } from '$lib/data/db';
import { openNativeDb } from '$lib/data/duckdb-native';
import { contractColumns } from '$lib/data/load';

let opened: Promise<Db> | null = null;

async function open(): Promise<Db> {
  const db = await openNativeDb();
  for (const table of TABLE_NAMES) {
    await db.exec(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT ${contractColumns(table)} FROM read_parquet(${quoteLiteral(`static/data/${table}.parquet`)})`
    );
  }
  return db;
}

/** One database for every page of the build. */
export const sampleDb = (): Promise<Db> => (opened ??= open());
