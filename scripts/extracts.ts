/**
 * The CSV sources in data/ → typed contract tables in native DuckDB, validated by the same checks the browser
 * runs. Shared by the build script (which writes the Parquet) and the test that the committed Parquet is fresh.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, sha256Hex, type BundleManifest } from '../src/lib/data/bundled.ts';
import { TABLE_NAMES, type TableName } from '../src/lib/data/contract.ts';
import { quoteIdent, quoteLiteral, trusted, type Db } from '../src/lib/data/db.ts';
import { commitStaged, stagingRelation } from '../src/lib/data/load.ts';
import type { Problem } from '../src/lib/data/problem.ts';
import type { StagedTable } from '../src/lib/data/staged.ts';
import { validateStaged } from '../src/lib/data/validate.ts';

export const CSV_DIR = 'data';
export const PARQUET_DIR = 'static/data';

export const csvPath = (dir: string, table: TableName) => join(dir, `${table}.csv`);
export const parquetPath = (dir: string, table: TableName) => join(dir, `${table}.parquet`);

/** Reads every CSV as text (types are the validator's business), validates, and on success creates the tables. */
export async function tablesFromCsv(db: Db, dir = CSV_DIR): Promise<Problem[]> {
  const staged: StagedTable[] = [];
  for (const table of TABLE_NAMES) {
    const relation = stagingRelation(table);
    const path = csvPath(dir, table);
    await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(relation)}`);
    await db.exec(
      `CREATE TABLE ${quoteIdent(relation)} AS SELECT * FROM read_csv(${quoteLiteral(path)},
         header = true, all_varchar = true, quote = '"', escape = '"', strict_mode = true)`
    );
    staged.push({ table, relation, file: path });
  }
  const problems = await validateStaged(db, staged);
  if (problems.length === 0) await commitStaged(db, staged);
  // A staged table already in the contract's shape was renamed into place, not copied.
  for (const s of staged) await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(s.relation)}`);
  return problems;
}

/** Writes one table as Parquet, in a fixed order, so the same CSV always gives the same bytes. */
export async function writeParquet(db: Db, table: TableName, dir = PARQUET_DIR): Promise<void> {
  await db.exec(
    `COPY (SELECT * FROM ${quoteIdent(table)}) TO ${quoteLiteral(parquetPath(dir, table))}
     (FORMAT parquet, COMPRESSION snappy)`
  );
}

/**
 * Writes every table as Parquet into `dir`, with manifest.json: each file's SHA-256 (the browser skips re-checking
 * exactly these files) and the day the content last changed (kept when every file is the same as before).
 * Returns a line per file written.
 */
export async function writeBundle(db: Db, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  const sha256: Record<string, string> = {};
  for (const table of TABLE_NAMES) {
    await writeParquet(db, table, dir);
    const [{ n }] = (await db.query<{ n: number }>(
      trusted(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`)
    )) as [{ n: number }];
    lines.push(`${parquetPath(dir, table)}  ${n} rows`);
    sha256[`${table}.parquet`] = await sha256Hex(new Uint8Array(readFileSync(parquetPath(dir, table))));
  }
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
    } catch {
      return null;
    }
  })();
  const same =
    previous && TABLE_NAMES.every((t) => previous.sha256[`${t}.parquet`] === sha256[`${t}.parquet`]);
  const updated = (same && previous.updated) || new Date().toISOString().slice(0, 10);
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ sha256, updated }, null, 2) + '\n');
  lines.push(join(dir, MANIFEST_FILE));
  return lines;
}
