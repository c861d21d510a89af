/**
 * GP_DATA_DIR: a team's own extracts, baked into the build as its bundled data. The folder is checked by the
 * browser's own decoders and validator (duckdb-wasm, run in Node), so the messages are the ones users see; a table
 * the folder leaves out comes from the sample only when asked (GP_DATA_FROM_SAMPLE=1). The checked tables are then
 * written as the sample is: Parquet and a manifest, by native DuckDB.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLE_NAMES, type TableName } from '../src/lib/data/contract.ts';
import { BASIS_DIR, MANIFEST_FILE, sha256Hex, type BundleManifest } from '../src/lib/data/bundled.ts';
import { quoteIdent, quoteLiteral, sql, type Db } from '../src/lib/data/db.ts';
import { buildSteps } from '../src/lib/data/queries/funding-basis-build.ts';
import { SHIPPED_BASIS, exportBasis } from '../src/lib/data/queries/funding-basis-ship.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';
import { openNodeDb } from '../src/lib/data/duckdb-node.ts';
import { contractColumns, loadExtracts } from '../src/lib/data/load.ts';
import { identifyFiles, loadUserFiles } from '../src/lib/data/user-files.ts';
import { PARQUET_DIR, parquetPath, tablesFromCsv, writeBundle } from './extracts.ts';

export type Baked = { ok: true; lines: string[] } | { ok: false; problems: string[] };

/**
 * A contributions table larger than `above` rows is summarised: the build computes the funding basis over all of
 * them in native DuckDB and ships it, with the `keep` largest contributions (and every one linked to a request)
 * instead of the rows (GP_SUMMARISE_ABOVE, default 2 million; GP_SUMMARY_KEEP, default 10,000).
 */
export interface Summarise {
  above: number;
  keep: number;
}
export const SUMMARISE: Summarise = {
  above: Number(process.env.GP_SUMMARISE_ABOVE ?? 2_000_000),
  keep: Number(process.env.GP_SUMMARY_KEEP ?? 10_000)
};

/** Checks `dir` and, when it passes, writes the site's assets (static/ with `dir`'s data) into `assets`. */
export async function bakeDataDir(
  dir: string,
  assets: string,
  fromSample: boolean,
  summarise: Summarise = SUMMARISE
): Promise<Baked> {
  const files = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  if (files.length === 0) return { ok: false, problems: [`${dir} holds no file`] };
  const csv = resolve(assets, '..', 'checked');
  rmSync(csv, { recursive: true, force: true });
  mkdirSync(csv, { recursive: true });

  const identified = identifyFiles(files).files;
  const isContributions = (f: { name: string }) =>
    identified.some((i) => i.file === f.name && i.table === 'contributions');
  const parts = files.filter(isContributions);
  const all = join(csv, 'all');
  mkdirSync(all);
  let rows = 0;
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
    const others = files.filter((f) => !isContributions(f));
    const loaded = others.length > 0 ? await loadUserFiles(wasm, others) : { ok: true as const, tables: [] };
    if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => p.message) };
    const given = new Set([...loaded.tables.map((t) => t.table), ...(parts.length ? ['contributions'] : [])]);
    const missing = TABLE_NAMES.filter((t) => !given.has(t));
    if (missing.length > 0 && !fromSample)
      return {
        ok: false,
        problems: [
          `${dir} has no file for ${missing.join(', ')}: add them, or set GP_DATA_FROM_SAMPLE=1 to take them from the bundled sample`
        ]
      };
    // Contributions a file at a time, each checked against the other tables: a browser (and duckdb-wasm here) holds
    // a few million rows at most, and a large table comes in parts (as Spark and Polars write it). Each part's rows
    // are kept as CSV; together they are the table, or, past `summarise.above`, what the basis is computed over.
    const problems: string[] = [];
    for (const [k, part] of parts.entries()) {
      const result = await loadUserFiles(wasm, [part]);
      if (!result.ok) {
        problems.push(...result.problems.map((p) => p.message));
        continue;
      }
      rows += await countRows(wasm);
      await copyCsv(wasm, 'contributions', join(all, `part-${k}.csv`));
    }
    if (problems.length > 0) return { ok: false, problems };
    if (parts.length === 0) rows = await countRows(wasm);
    // Under the limit, every part together, as a browser loads them (keys unique across the parts included).
    if (parts.length > 1 && rows <= summarise.above) {
      const together = await loadUserFiles(wasm, parts);
      if (!together.ok) return { ok: false, problems: together.problems.map((p) => p.message) };
    }
    for (const table of TABLE_NAMES) {
      if (table === 'contributions' && rows > summarise.above) continue;
      await copyCsv(wasm, table, join(csv, `${table}.csv`));
    }
    if (parts.length === 0 && rows > summarise.above)
      await copyCsv(wasm, 'contributions', join(all, 'part-0.csv'));
  } finally {
    wasm.close();
  }

  const native = await openNativeDb();
  try {
    const summarised = rows > summarise.above;
    if (summarised) {
      const duplicates = await summariseRows(native, all, csv, summarise.keep);
      if (duplicates.length > 0) return { ok: false, problems: duplicates };
    }
    const problems = await tablesFromCsv(native, csv);
    if (problems.length > 0) return { ok: false, problems: problems.map((p) => p.message) };
    rmSync(assets, { recursive: true, force: true });
    cpSync('static', assets, { recursive: true, filter: (from) => resolve(from) !== resolve(PARQUET_DIR) });
    const data = join(assets, 'data');
    const lines = await writeBundle(native, data);
    const summary = summarised ? await shipBasis(native, data, rows) : undefined;
    if (summary)
      lines.push(
        `contributions: ${rows} rows, summarised: the funding basis over all of them in ${join(data, BASIS_DIR)}/, and the largest ${summary.shipped} rows`
      );
    // The bundled data is a team's own, so the site never calls it the sample; and what was summarised.
    const manifestPath = join(data, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BundleManifest;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, extracts: 'team', summary }, null, 2) + '\n');
    return { ok: true, lines };
  } finally {
    native.close();
  }
}

const countRows = async (db: Db) =>
  (await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`))[0]!.n;

/** A checked table in the contract's shape, as CSV (the engine's own writer; Parquet is written natively). */
const copyCsv = (db: Db, table: TableName, path: string) =>
  db.exec(
    `COPY (SELECT ${contractColumns(table)} FROM ${quoteIdent(table)}) TO ${quoteLiteral(path)} (FORMAT csv, HEADER)`
  );

/**
 * Every contribution, from the checked parts in `all`, into the table `all_contributions`; the largest `keep`
 * and every one linked to a request into `csv`'s contributions.csv, the rows the site ships. Returns the keys
 * repeated across parts (each part was checked alone), as the browser would word them.
 */
async function summariseRows(native: Db, all: string, csv: string, keep: number): Promise<string[]> {
  await native.exec(`CREATE TABLE all_contributions AS SELECT ${contractColumns('contributions')}
    FROM read_csv(${quoteLiteral(join(all, '*.csv'))}, header = true, all_varchar = true, quote = '"', escape = '"')`);
  const repeated = await native.query<{ id: string; n: number }>(
    sql`SELECT contribution_id AS id, CAST(count(*) AS INTEGER) AS n FROM all_contributions
        GROUP BY ALL HAVING count(*) > 1 ORDER BY id LIMIT 100`
  );
  if (repeated.length > 0)
    return repeated.map((r) => `contributions: duplicate key "${r.id}" in ${r.n} rows across the files`);
  await native.exec(`COPY (SELECT * FROM all_contributions
      QUALIFY row_number() OVER (ORDER BY amount_usd DESC NULLS LAST, contribution_id) <= ${keep}
         OR need_id IS NOT NULL)
    TO ${quoteLiteral(join(csv, 'contributions.csv'))} (FORMAT csv, HEADER)`);
  return [];
}

/**
 * The funding basis over every contribution, built in native DuckDB by the browser's own statements and written
 * beside the bundle; returns what the manifest says of the summarised contributions.
 */
async function shipBasis(native: Db, data: string, rows: number): Promise<BundleManifest['summary']> {
  const [{ shipped }] = (await native.query<{ shipped: number }>(
    sql`SELECT CAST(count(*) AS INTEGER) AS shipped FROM contributions`
  )) as [{ shipped: number }];
  await native.exec(`ALTER TABLE contributions RENAME TO contributions_shipped;
    ALTER TABLE all_contributions RENAME TO contributions;`);
  for (const step of buildSteps(rows)) await native.exec(step);
  mkdirSync(join(data, BASIS_DIR), { recursive: true });
  await exportBasis(native, join(data, BASIS_DIR));
  await native.exec(`DROP TABLE contributions; ALTER TABLE contributions_shipped RENAME TO contributions;`);
  const basis = Object.fromEntries(
    await Promise.all(
      SHIPPED_BASIS.map(
        async (t) =>
          [t.file, await sha256Hex(new Uint8Array(readFileSync(join(data, BASIS_DIR, t.file))))] as const
      )
    )
  );
  return { table: 'contributions', rows, shipped, basis };
}
