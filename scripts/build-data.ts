/**
 * `npm run data`: validates the CSV sources in data/ against the contract and writes static/data/<table>.parquet,
 * with manifest.json: each file's SHA-256, so the browser knows it may skip re-checking exactly these files.
 * Writes nothing when any problem is found.
 */
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';
import { PARQUET_DIR, tablesFromCsv, writeBundle } from './extracts.ts';

const db = await openNativeDb();
const problems = await tablesFromCsv(db);
if (problems.length > 0) {
  console.error(`The CSV sources break the data contract; nothing was written.\n`);
  for (const p of problems) console.error(`  ${p.message}`);
  process.exit(1);
}
for (const line of await writeBundle(db, PARQUET_DIR)) console.log(line);
db.close();
