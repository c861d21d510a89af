/**
 * GP_DATA_DIR: a team's own extracts, baked into the build as its bundled data. The folder is checked by the
 * browser's own decoders and validator (duckdb-wasm, run in Node), so the messages are the ones users see; a table
 * the folder leaves out comes from the sample only when asked (GP_DATA_FROM_SAMPLE=1). The checked tables are then
 * written as the sample is: Parquet and a manifest, by native DuckDB.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLE_NAMES } from '../src/lib/data/contract.ts';
import { quoteIdent, quoteLiteral } from '../src/lib/data/db.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';
import { openNodeDb } from '../src/lib/data/duckdb-node.ts';
import { contractColumns, loadExtracts } from '../src/lib/data/load.ts';
import { loadUserFiles } from '../src/lib/data/user-files.ts';
import { PARQUET_DIR, parquetPath, tablesFromCsv, writeBundle } from './extracts.ts';

export type Baked = { ok: true; lines: string[] } | { ok: false; problems: string[] };

/** Checks `dir` and, when it passes, writes the site's assets (static/ with `dir`'s data) into `assets`. */
export async function bakeDataDir(dir: string, assets: string, fromSample: boolean): Promise<Baked> {
  const files = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  if (files.length === 0) return { ok: false, problems: [`${dir} holds no file`] };
  const csv = resolve(assets, '..', 'checked');
  rmSync(csv, { recursive: true, force: true });
  mkdirSync(csv, { recursive: true });

  const wasm = await openNodeDb();
  try {
    // The sample first: a file joins the tables it references, and a table the folder leaves out may come from it.
    const sample = TABLE_NAMES.map((table) => ({
      table,
      file: `${table}.parquet`,
      bytes: new Uint8Array(readFileSync(parquetPath(PARQUET_DIR, table)))
    }));
    const base = await loadExtracts(wasm, sample, undefined, { trusted: true });
    if (!base.ok) return { ok: false, problems: base.problems.map((p) => p.message) };
    const loaded = await loadUserFiles(wasm, files);
    if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => p.message) };
    const given = new Set(loaded.tables.map((t) => t.table));
    const missing = TABLE_NAMES.filter((t) => !given.has(t));
    if (missing.length > 0 && !fromSample)
      return {
        ok: false,
        problems: [
          `${dir} has no file for ${missing.join(', ')}: add them, or set GP_DATA_FROM_SAMPLE=1 to take them from the bundled sample`
        ]
      };
    // The checked tables in the contract's shape, as CSV (the engine's own writer; Parquet is written natively).
    for (const table of TABLE_NAMES)
      await wasm.exec(
        `COPY (SELECT ${contractColumns(table)} FROM ${quoteIdent(table)}) TO ${quoteLiteral(join(csv, `${table}.csv`))} (FORMAT csv, HEADER)`
      );
  } finally {
    wasm.close();
  }

  const native = await openNativeDb();
  try {
    const problems = await tablesFromCsv(native, csv);
    if (problems.length > 0) return { ok: false, problems: problems.map((p) => p.message) };
    rmSync(assets, { recursive: true, force: true });
    cpSync('static', assets, { recursive: true, filter: (from) => resolve(from) !== resolve(PARQUET_DIR) });
    return { ok: true, lines: await writeBundle(native, join(assets, 'data')) };
  } finally {
    native.close();
  }
}
