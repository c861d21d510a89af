/**
 * Contributions summarised by the build (GP_DATA_DIR with more contributions than GP_SUMMARISE_ABOVE): the bundle
 * ships the largest rows and the funding basis native DuckDB computed over all of them. The browser's engine
 * (duckdb-wasm in Node) on that bundle answers the funding and match-making views exactly as it does holding every
 * row; the filters list every donor and year; new sources alone are refused, said why.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bakeDataDir } from '../../scripts/data-dir';
import type { BundleManifest } from '../../src/lib/data/bundled';
import type { Db } from '../../src/lib/data/db';
import { sql } from '../../src/lib/data/db';
import { openNodeDb } from '../../src/lib/data/duckdb-node';
import { loadExtracts } from '../../src/lib/data/load';
import { donorOptions, fundingYearRange } from '../../src/lib/data/queries/funding';
import { adoptBasisFromFiles } from '../../src/lib/data/queries/funding-basis-ship';
import { buildFundingBasis } from '../../src/lib/data/queries/funding-basis-state';
import { refuseSourcesAlone } from '../../src/lib/data/user-files';
import { DEFAULT_FUNDING, fundingView, type FundingView } from '../../src/lib/views/funding';
import { DEFAULT_NEEDS, needsView } from '../../src/lib/views/needs';
import { answerAll } from '../../src/lib/views/view';
import { ALL_RULES } from './rule-combinations';
import { sampleFiles } from './sample-db';

type NodeDb = Awaited<ReturnType<typeof openNodeDb>>;
let summarised: NodeDb;
let whole: NodeDb;
let manifest: BundleManifest;
const basisReads: string[] = [];
/** Every folder the tests make, removed at the end. */
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

beforeAll(async () => {
  const assets = join(tempDir('gp-summarised-'), 'static');
  const baked = await bakeDataDir('tests/fixtures/data-dir/good', assets, true, { above: 50, keep: 20 });
  if (!baked.ok) throw new Error(baked.problems.join('\n'));
  const data = join(assets, 'data');
  manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as BundleManifest;

  summarised = await openNodeDb();
  const loaded = await loadExtracts(summarised, sampleFiles(data));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  // Read when the adoption asks, as the browser fetches them; the finest table only when a query needs it.
  const basis = readdirSync(join(data, 'basis')).map((file) => ({
    file,
    read: async () => {
      basisReads.push(file);
      return new Uint8Array(readFileSync(join(data, 'basis', file)));
    }
  }));
  await adoptBasisFromFiles(summarised, basis);
  expect(basisReads).not.toContain('by_donor_and_years.parquet');

  // The same tables with every contribution (the fixture folder takes them from the sample), basis built here.
  whole = await openNodeDb();
  const files = sampleFiles(data).map((f) =>
    f.table === 'contributions' ? sampleFiles().find((s) => s.table === 'contributions')! : f
  );
  const all = await loadExtracts(whole, files);
  if (!all.ok) throw new Error(all.problems.map((p) => p.message).join('\n'));
  await buildFundingBasis(whole);
}, 120_000);
afterAll(() => {
  summarised?.close();
  whole?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Money to the cent: the two bases sum the same amounts in another order. */
const cents = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_, v: unknown) =>
    typeof v === 'number' ? Math.round(v * 100) / 100 : v
  );

const count = async (db: Db) =>
  (await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`))[0]!.n;

describe('contributions summarised by the build', () => {
  test('the bundle holds the largest rows and every one linked to a request; the manifest says how many of how many', async () => {
    expect(manifest.summary).toMatchObject({ table: 'contributions', rows: await count(whole) });
    expect(await count(summarised)).toBe(manifest.summary!.shipped);
    expect(manifest.summary!.shipped).toBeLessThan(manifest.summary!.rows);
    const linked = sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions WHERE need_id IS NOT NULL`;
    expect(await summarised.query(linked)).toEqual(await whole.query(linked));
    const [smallest] = await summarised.query<{ a: number }>(
      sql`SELECT min(amount_usd) AS a FROM contributions WHERE need_id IS NULL`
    );
    const [larger] = await whole.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions WHERE amount_usd > ${smallest!.a}`
    );
    expect(larger!.n).toBeLessThan(20);
  });

  test('the funding view answers as it does over every row, under every rule, filter and year range tried', async () => {
    const states: FundingView[] = [
      ...ALL_RULES.filter((_, i) => i % 16 === 0).map((rules) => ({ ...DEFAULT_FUNDING, rules })),
      { ...DEFAULT_FUNDING, filters: { ...DEFAULT_FUNDING.filters, donor: 'USA' } },
      { ...DEFAULT_FUNDING, filters: { ...DEFAULT_FUNDING.filters, area: 'chemical_weapons_destruction' } },
      { ...DEFAULT_FUNDING, filters: { ...DEFAULT_FUNDING.filters, yearFrom: 2004, yearTo: 2008 } }
    ];
    for (const state of states)
      expect(cents(await answerAll(summarised, fundingView, state))).toEqual(
        cents(await answerAll(whole, fundingView, state))
      );
    // A partner over the years needed the finest table: read then, once.
    expect(basisReads.filter((f) => f === 'by_donor_and_years.parquet')).toEqual([
      'by_donor_and_years.parquet'
    ]);
  });

  test('match-making answers as it does over every row, a request open included', async () => {
    const list = await answerAll(whole, needsView);
    expect(cents(await answerAll(summarised, needsView))).toEqual(cents(list));
    const request = list.requests.find((r) => r.status === 'open')?.needId ?? list.requests[0]!.needId;
    const chosen = { ...DEFAULT_NEEDS, request };
    expect(cents(await answerAll(summarised, needsView, chosen))).toEqual(
      cents(await answerAll(whole, needsView, chosen))
    );
  });

  test('the filters list every donor and year, not only those of the largest rows', async () => {
    expect(await donorOptions(summarised)).toEqual(await donorOptions(whole));
    expect(await fundingYearRange(summarised)).toEqual(await fundingYearRange(whole));
  });

  test('new sources alone are refused, said why; with contributions they may come', () => {
    const sources = { name: 'sources.csv', bytes: readFileSync('data/sources.csv') };
    const problem = refuseSourcesAlone([sources], manifest.summary!);
    expect(problem?.message).toContain('sources.csv');
    expect(problem?.message).toContain('the bundled contributions are summarised (70 rows');
    const contributions = { name: 'contributions.csv', bytes: readFileSync('data/contributions.csv') };
    expect(refuseSourcesAlone([sources, contributions], manifest.summary!)).toBeNull();
  });
});

describe('contributions in parts, past the limit', () => {
  // The sample's contributions in two files, as Spark or Polars would write a large table.
  const [header, ...lines] = readFileSync('data/contributions.csv', 'utf8').trimEnd().split('\n');
  const folderWith = (second: string[]) => {
    const dir = tempDir('gp-parts-');
    writeFileSync(join(dir, 'contributions-a.csv'), [header, ...lines.slice(0, 35)].join('\n') + '\n');
    writeFileSync(join(dir, 'contributions-b.csv'), [header, ...second].join('\n') + '\n');
    return dir;
  };
  const bake = (dir: string) =>
    bakeDataDir(dir, join(tempDir('gp-parts-out-'), 'static'), true, {
      above: 50,
      keep: 20
    });

  test('each part is checked, and every row counts in the basis', async () => {
    const baked = await bake(folderWith(lines.slice(35)));
    expect(baked.ok && baked.lines.join('\n')).toContain(`contributions: ${lines.length} rows, summarised`);
  }, 60_000);

  test('a key repeated across the parts stops the build, named', async () => {
    const repeated = lines[0]!;
    const baked = await bake(folderWith([...lines.slice(35), repeated]));
    expect(baked.ok).toBe(false);
    if (baked.ok) return;
    expect(baked.problems).toEqual([
      `contributions: duplicate key "${repeated.split(',')[0]}" in 2 rows across the files`
    ]);
  }, 60_000);
});
