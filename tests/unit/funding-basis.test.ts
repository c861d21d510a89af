/**
 * The funding basis answers the headline exactly as scanning every contribution does: for every combination of
 * the counting rules and several filter settings, the same rows and the same amounts (to the cent:
 * the basis multiplies a group's sum by its share of years where the scan adds each year's part), on the sample
 * and on a synthetic 100k extract, in real DuckDB through the app's own loader.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STAGES } from '$lib/data/contract';
import type { CountingRules } from '$lib/data/counting-rules';
import { sql, type ArrowDb } from '$lib/data/db';
import { basisTotal } from '$lib/data/queries/funding-basis';
import { scannedTotal, type FundingFilters } from '$lib/data/queries/funding';
import { loadUserFiles } from '$lib/data/user-files';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

/** Every combination of the rules: 3 stages × 2⁵ exclusions × 2 multi-year modes = 192. */
const ALL_RULES: CountingRules[] = STAGES.flatMap((stage) =>
  Array.from({ length: 64 }, (_, bits) => ({
    stage,
    domestic: (bits & 1) > 0,
    multilateral: (bits & 2) > 0,
    inKind: (bits & 4) > 0,
    legacyAreas: (bits & 8) > 0,
    illustrative: (bits & 16) > 0,
    multiYear: bits & 32 ? 'spread' : 'first_year'
  }))
);

const none: FundingFilters = { donor: null, area: null, yearFrom: null, yearTo: null };
const FILTERS: FundingFilters[] = [
  none,
  { ...none, donor: 'USA' },
  { ...none, area: 'fissile_material' },
  { ...none, yearFrom: 2005, yearTo: 2008 },
  { ...none, yearFrom: 2010 },
  { ...none, yearTo: 2004 },
  { ...none, donor: 'DEU', yearFrom: 2003, yearTo: 2012 }
];

async function expectSame(rules: CountingRules, f: FundingFilters) {
  const scanned = await scannedTotal(db, rules, f);
  const basis = await basisTotal(db, rules, f);
  const what = JSON.stringify({ rules, f });
  expect(basis.rows, what).toBe(scanned.rows);
  expect(basis.amount, what).toBeCloseTo(scanned.amount, 2);
  expect(basis.illustrative, what).toBeCloseTo(scanned.illustrative, 2);
  // What a year range leaves out: the amounts whose years the sources do not give.
  const all = { ...f, yearFrom: null, yearTo: null };
  const undated = await scannedTotal(db, rules, all, sql`year IS NULL`);
  const fromBasis = await basisTotal(db, rules, all, { yearsNotGiven: true });
  expect(fromBasis.rows, what).toBe(undated.rows);
  expect(fromBasis.amount, what).toBeCloseTo(undated.amount, 2);
}

describe('the funding basis equals the full scan', () => {
  test('on the sample: every rule combination, under every filter setting', async () => {
    for (const f of FILTERS) for (const rules of ALL_RULES) await expectSame(rules, f);
  }, 120_000);

  test('on a synthetic 100k extract: a spread of rule combinations and filters', async () => {
    const csv = syntheticSampleContributions(100_000);
    const loaded = await loadUserFiles(db, [
      { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) }
    ]);
    expect(loaded.ok).toBe(true);
    // Every 7th combination (27 of 192, all stages and modes among them), under each filter setting.
    const some = ALL_RULES.filter((_, i) => i % 7 === 0);
    for (const f of FILTERS) for (const rules of some) await expectSame(rules, f);
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT CAST(sum(rows) AS INTEGER) AS n FROM funding_basis`
    )) as [{ n: number }];
    expect(n).toBe(100_000);
  }, 240_000);
});
