/**
 * `npm run measure:large [rows]`: extracts too large for a browser, measured. Generates `rows` synthetic
 * contributions (default 10 million) in native DuckDB SQL, builds the site on them with GP_DATA_DIR (the other
 * tables from the sample), and prints the build's time, the bytes the site ships for its data against the rows'
 * own Parquet, and the time of a counting-rule change on /funding in Chromium (target 100 ms).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, PRIORITY_AREAS, STAGES } from '../src/lib/data/contract.ts';
import { quoteList, quoteLiteral, trusted } from '../src/lib/data/db.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';
import { SYNTHETIC_SOURCE } from '../src/lib/data/synthetic.ts';
import { median } from '../bench/common.ts';
import { TIME_CHANGE } from '../bench/time-change.ts';
import { startSite, waitForCharts, waitForData } from '../tests/support/browser.ts';

const rows = Number(process.argv[2] ?? 10_000_000);
const PART = 1_000_000;
const work = mkdtempSync(join(tmpdir(), 'gp-large-'));
const folder = join(work, 'extracts');
const site = join(work, 'site');

const bytesIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? bytesIn(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0
  );
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// 1. The rows, in SQL: every value drawn from a hash of the row's number, so the same rows every run.
let started = performance.now();
const native = await openNativeDb();
const pick = (list: readonly string[], salt: number) =>
  `${quoteList(list)}[1 + CAST(hash(i, ${salt}) % ${list.length} AS INTEGER)]`;
await native.exec(`CREATE TABLE ids AS SELECT list(entity_id ORDER BY entity_id) AS ids
  FROM read_parquet('static/data/entities.parquet')`);
execFileSync('mkdir', ['-p', folder]);
for (let from = 0; from < rows; from += PART) {
  const to = Math.min(rows, from + PART);
  await native.exec(`COPY (
    SELECT 'syn-' || i AS contribution_id,
           ids[1 + CAST(hash(i, 1) % len(ids) AS INTEGER)] AS donor_id,
           CASE WHEN hash(i, 2) % 10 < 6 THEN ids[1 + CAST(hash(i, 3) % len(ids) AS INTEGER)] END AS recipient_id,
           ${pick(PRIORITY_AREAS, 4)} AS priority_area,
           CAST(2002 + hash(i, 5) % 22 AS INTEGER) AS year,
           CASE WHEN hash(i, 6) % 10 < 3 THEN CAST(2002 + hash(i, 5) % 22 + 1 + hash(i, 7) % 4 AS INTEGER) END
             AS period_end_year,
           ${pick(STAGES, 8)} AS stage,
           round(CAST(hash(i, 9) % 50000000 AS DOUBLE) / 100, 2) AS amount_usd,
           ${pick(CHANNELS, 10)} AS channel,
           hash(i, 11) % 10 = 0 AS in_kind,
           'synthetic project ' || (i % 997) AS project,
           ${quoteLiteral(SYNTHETIC_SOURCE)} AS source_id
    FROM range(${from}, ${to}) t(i), ids
  ) TO ${quoteLiteral(join(folder, `contributions-${String(from / PART).padStart(3, '0')}.parquet`))}
    (FORMAT parquet, COMPRESSION zstd)`);
}
native.close();
const generated = performance.now() - started;
const rowsBytes = bytesIn(folder);

// 2. The build on them.
started = performance.now();
execFileSync('npx', ['tsx', 'scripts/build.ts'], {
  env: { ...process.env, GP_DATA_DIR: folder, GP_DATA_FROM_SAMPLE: '1', GP_BUILD_DIR: site },
  stdio: 'pipe'
});
const built = performance.now() - started;
const shipped = bytesIn(join(site, 'data'));
// What the basis holds, table by table: its groups and its bytes.
const reader = await openNativeDb();
const basisDir = join(site, 'data', 'basis');
const tables: string[] = [];
for (const file of readdirSync(basisDir).sort()) {
  const path = join(basisDir, file);
  const [{ n }] = (await reader.query<{ n: number }>(
    trusted(`SELECT CAST(count(*) AS INTEGER) AS n FROM read_parquet(${quoteLiteral(path)})`)
  )) as [{ n: number }];
  tables.push(
    `    ${file.padEnd(32)} ${n.toLocaleString('en').padStart(12)} groups  ${mb(statSync(path).size)}`
  );
}
reader.close();

// 3. A rule change in the browser, on the built site.
const browser = await startSite({ dir: site });
const page = await browser.browser.newPage({ viewport: { width: 1400, height: 1000 } });
started = performance.now();
await page.goto(`${browser.url}/funding`);
await waitForData(page);
await waitForCharts(page, 4);
const firstCharts = performance.now() - started;
await page.evaluate(TIME_CHANGE);
const changes: number[] = [];
for (let k = 0; k < 9; k++)
  changes.push(
    await page.evaluate(() =>
      (window as unknown as { gpChange(w: string): Promise<number> }).gpChange('rule')
    )
  );
// Where a rule change's time went: waiting for the engine's answers, and drawing the charts (medians).
const splits = await page.evaluate(
  () => (window as unknown as { gpSplits: { queries: number; charts: number }[] }).gpSplits
);
// The first partner filter needs the basis's finest table, which the site reads only then.
const firstPartner = await page.evaluate(() =>
  (window as unknown as { gpChange(w: string): Promise<number> }).gpChange('partner')
);
const total = await page.locator('header [role="status"]').first().textContent();
await browser.close();
rmSync(work, { recursive: true, force: true });

const rule = median(changes);
console.log(`Extracts too large for a browser: ${rows.toLocaleString('en')} synthetic contributions`);
console.log(`  generated in native DuckDB SQL     ${seconds(generated)} (${mb(rowsBytes)} of Parquet, ZSTD)`);
console.log(`  GP_DATA_DIR build (check, basis)   ${seconds(built)}`);
console.log(`  data the site ships                ${mb(shipped)} (the rows alone: ${mb(rowsBytes)})`);
console.log('  the funding basis shipped:');
for (const line of tables) console.log(line);
console.log(`  /funding, first charts             ${seconds(firstCharts)} (${total?.trim()})`);
console.log(`  first partner filter (reads the finest table) ${seconds(firstPartner)}`);
console.log(
  `  rule change to charts redrawn      ${rule.toFixed(0)} ms median of ${changes.length} (target 100 ms: ${rule <= 100 ? 'met' : `missed by ${(rule - 100).toFixed(0)} ms`})`
);
console.log(
  `    of which the engine's answers ${median(splits.map((x) => x.queries)).toFixed(0)} ms, drawing ${median(splits.map((x) => x.charts)).toFixed(0)} ms`
);
