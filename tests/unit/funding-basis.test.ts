/**
 * The funding basis answers every funding figure exactly as scanning every contribution does: the headline, what
 * a year range leaves out, and each chart's marks (by area, partner and year: amount, rows, illustrative part,
 * largest contribution, sources), for every combination of the counting rules and several filter settings, on the
 * sample and on a synthetic 100k extract, in real DuckDB through the app's own loader. Amounts agree to the cent:
 * the basis multiplies a group's sum by its share of years where the scan adds each year's part.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CountingRules } from '$lib/data/counting-rules';
import { sql, trusted, type ArrowDb } from '$lib/data/db';
import { BASIS_TABLES } from '$lib/data/queries/funding-basis';
import { basisReady, buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import type { FundingFilters } from '$lib/data/queries/funding';
import { basisMarks, scannedMarks, type MarkBy, type MarkOptions } from '$lib/data/queries/funding-marks';
import { loadUserFiles } from '$lib/data/user-files';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { ALL_RULES } from './rule-combinations';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
  expect(await buildFundingBasis(db)).toBe(true);
});
afterAll(() => db.close());

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

interface Mark {
  key: string | number | null;
  stage: string;
  amount: number;
  rows: number;
  illustrative: number;
  top: { a: number; l: string; label: string };
  titles: string[];
}

async function marksOf(relation: ReturnType<typeof basisMarks>): Promise<Mark[]> {
  return db.query<Mark>(sql`SELECT * FROM (${relation}) ORDER BY key NULLS LAST, stage`);
}

/** Marks compared so far: a comparison of nothing with nothing proves nothing. */
let compared = 0;

/** Both ways to the marks give the same marks, figure by figure. */
async function expectSame(rules: CountingRules, f: FundingFilters, by: MarkBy, o: MarkOptions = {}) {
  const [scanned, basis] = [
    await marksOf(scannedMarks(rules, f, by, o)),
    await marksOf(basisMarks(rules, f, by, o))
  ];
  const what = JSON.stringify({ rules, f, by, o });
  compared += scanned.length;
  expect(
    basis.map((m) => [m.key, m.stage, m.rows, m.top.label, [...m.titles].sort()]),
    what
  ).toEqual(scanned.map((m) => [m.key, m.stage, m.rows, m.top.label, [...m.titles].sort()]));
  basis.forEach((m, i) => {
    expect(m.amount, what).toBeCloseTo(scanned[i]!.amount, 2);
    expect(m.illustrative, what).toBeCloseTo(scanned[i]!.illustrative, 2);
    expect(m.top.a, what).toBeCloseTo(scanned[i]!.top.a, 2);
  });
}

/** The headline at the rules' stage, and what a year range leaves out (the money whose years are not given). */
async function expectSameHeadline(rules: CountingRules, f: FundingFilters) {
  await expectSame(rules, f, 'none', { stage: rules.stage });
  await expectSame(rules, { ...f, yearFrom: null, yearTo: null }, 'none', {
    stage: rules.stage,
    yearsNotGiven: true
  });
}

describe('the funding basis equals the full scan', () => {
  test('on the sample: the headline under every rule combination and filter setting', async () => {
    for (const f of FILTERS) for (const rules of ALL_RULES) await expectSameHeadline(rules, f);
  }, 120_000);

  test('on the sample: every chart, under every rule combination (all of them unfiltered)', async () => {
    for (const [i, rules] of ALL_RULES.entries())
      for (const by of ['area', 'donor', 'year'] as const) {
        await expectSame(rules, none, by);
        // Each filter setting under a spread of the combinations (every 5th, both modes and all stages).
        if (i % 5 === 0) for (const f of FILTERS.slice(1)) await expectSame(rules, f, by);
      }
    expect(compared).toBeGreaterThan(10_000);
  }, 180_000);

  test('the spread of a ten-year pledge reads the same both ways in its tooltip', async () => {
    const [scanned] = await marksOf(
      scannedMarks({ ...ALL_RULES[32]!, stage: 'pledged' }, { ...none, donor: 'USA', area: 'other' }, 'year')
    );
    expect(scanned!.top.label).toContain('(spread evenly over 2002–2012, 11 years)');
  });

  test('on a synthetic 100k extract: a spread of rule combinations, filters and charts', async () => {
    const csv = syntheticSampleContributions(100_000);
    const loaded = await loadUserFiles(db, [
      { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) }
    ]);
    expect(loaded.ok).toBe(true);
    // The load dropped the sample's basis; this one is built step by step over the new rows.
    expect(basisReady(db)).toBe(false);
    const steps: number[] = [];
    expect(await buildFundingBasis(db, (s) => steps.push(s.step))).toBe(true);
    expect(steps.length).toBeGreaterThan(2);
    // Every 11th combination (all stages and modes among them), under each filter setting.
    const some = ALL_RULES.filter((_, i) => i % 11 === 0);
    for (const f of FILTERS)
      for (const rules of some) {
        await expectSameHeadline(rules, f);
        for (const by of ['area', 'donor', 'year'] as const) await expectSame(rules, f, by);
      }
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT CAST(sum(rows) AS INTEGER) AS n FROM ${trusted(BASIS_TABLES[3].name)}`
    )) as [{ n: number }];
    expect(n).toBe(100_000);
  }, 300_000);
});

describe('the basis follows the data', () => {
  test('a load during a build: that build never counts, and the next one counts the new rows', async () => {
    const fresh = await openSampleDb();
    const csv = new TextEncoder().encode(syntheticSampleContributions(2_000));
    let load: ReturnType<typeof loadUserFiles> | undefined;
    // The same database, but new contributions arrive just before the build's first slice is grouped.
    const db: ArrowDb = {
      query: (q) => fresh.query(q),
      insertArrowIPC: (table, ipc, o) => fresh.insertArrowIPC(table, ipc, o),
      async exec(statement) {
        if (!load && statement.includes(`CREATE TABLE ${BASIS_TABLES[0].name}_0`)) {
          load = loadUserFiles(db, [{ name: 'contributions.csv', bytes: csv }]);
          expect((await load).ok).toBe(true);
        }
        return fresh.exec(statement);
      }
    };
    try {
      expect(await buildFundingBasis(db)).toBe(false);
      expect(load).toBeDefined();
      expect(basisReady(db)).toBe(false);
      expect(await buildFundingBasis(db)).toBe(true);
      const [{ n }] = (await db.query<{ n: number }>(
        sql`SELECT CAST(sum(rows) AS INTEGER) AS n FROM ${trusted(BASIS_TABLES[3].name)}`
      )) as [{ n: number }];
      expect(n).toBe(2_000);
    } finally {
      fresh.close();
    }
  }, 60_000);
});
