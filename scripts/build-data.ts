/**
 * `npm run data`: validates the CSV sources in data/ against the contract and writes static/data/<table>.parquet,
 * with manifest.json: each file's SHA-256, so the browser knows it may skip re-checking exactly these files.
 * Writes nothing when any problem is found.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MANIFEST_FILE, sha256Hex, type BundleManifest } from '../src/lib/data/bundled.ts';
import { TABLE_NAMES } from '../src/lib/data/contract.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';
import { PARQUET_DIR, tablesFromCsv, writeParquet } from './extracts.ts';
import { trusted } from '../src/lib/data/db.ts';

const db = await openNativeDb();
const problems = await tablesFromCsv(db);
if (problems.length > 0) {
  console.error(`The CSV sources break the data contract; nothing was written.\n`);
  for (const p of problems) console.error(`  ${p.message}`);
  process.exit(1);
}
mkdirSync(PARQUET_DIR, { recursive: true });
for (const table of TABLE_NAMES) {
  await writeParquet(db, table);
  const [{ n }] = (await db.query<{ n: number }>(
    trusted(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`)
  )) as [{ n: number }];
  console.log(`${PARQUET_DIR}/${table}.parquet  ${n} rows`);
}
// The browser skips re-checking the sample only when each file is byte for byte the one validated here.
const sha256: Record<string, string> = {};
for (const table of TABLE_NAMES) {
  sha256[`${table}.parquet`] = await sha256Hex(
    new Uint8Array(readFileSync(`${PARQUET_DIR}/${table}.parquet`))
  );
}
// The sample's date: the day its content last changed (kept when every file is the same as before).
const previous = (() => {
  try {
    return JSON.parse(readFileSync(`${PARQUET_DIR}/${MANIFEST_FILE}`, 'utf8')) as BundleManifest;
  } catch {
    return null;
  }
})();
const same = previous && TABLE_NAMES.every((t) => previous.sha256[`${t}.parquet`] === sha256[`${t}.parquet`]);
const updated = (same && previous.updated) || new Date().toISOString().slice(0, 10);
writeFileSync(`${PARQUET_DIR}/${MANIFEST_FILE}`, JSON.stringify({ sha256, updated }, null, 2) + '\n');
console.log(`${PARQUET_DIR}/${MANIFEST_FILE}`);
db.close();
