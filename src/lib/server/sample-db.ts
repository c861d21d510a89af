/**
 * The bundled data in native DuckDB, for the build: the prerendered pages run the views' own query sets on it.
 * The Parquet files were checked against the contract when they were written (`npm run data`, or GP_DATA_DIR).
 */
import { TABLE_NAMES } from '$lib/data/contract';
import { quoteIdent, quoteLiteral, type Db } from '$lib/data/db';
import { openNativeDb } from '$lib/data/duckdb-native';
import { contractColumns } from '$lib/data/load';
import { MANIFEST_FILE, type BundleManifest } from '$lib/data/bundled';
import { adoptBasisFromFolder } from '$lib/data/queries/funding-basis-ship';
import { readFileSync } from 'node:fs';

let opened: Promise<Db> | null = null;

// The site's data: the sample, or a team's own extracts baked in by `GP_DATA_DIR=... npm run build`.
const DATA = `${process.env.GP_ASSETS_DIR ?? 'static'}/data`;

async function open(): Promise<Db> {
  const db = await openNativeDb();
  for (const table of TABLE_NAMES) {
    await db.exec(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT ${contractColumns(table)} FROM read_parquet(${quoteLiteral(`${DATA}/${table}.parquet`)})`
    );
  }
  // Contributions summarised by the build: the funding figures come from the basis it computed over all of them.
  if (manifest().summary) await adoptBasisFromFolder(db, DATA);
  return db;
}

const manifest = () => JSON.parse(readFileSync(`${DATA}/${MANIFEST_FILE}`, 'utf8')) as BundleManifest;

/** The site is built on a team's own extracts (GP_DATA_DIR), not the sample. */
export const bundledIsTeam = (): boolean => manifest().extracts === 'team';

/** One database for every page of the build. */
export const sampleDb = (): Promise<Db> => (opened ??= open());
