import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_RULES, PRESETS, describeRules, type CountingRules } from '../../src/lib/data/counting-rules';
import { sql, trusted, type Db } from '../../src/lib/data/db';
import {
  contributionsByArea,
  contributionsByYear,
  countedTotal,
  ruleEffects,
  type FundingFilters
} from '../../src/lib/data/queries/funding';
import { needsByArea } from '../../src/lib/data/queries/needs';
import {
  DEFAULT_FUNDING,
  parseFunding,
  parseRules,
  serializeFunding,
  serializeRules
} from '../../src/lib/views/funding';
import { openSampleDb } from './sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const all: FundingFilters = { donor: null, area: null, yearFrom: null, yearTo: null };

/** Sum of the raw rows at a stage matching a condition (trusted test SQL), straight from the table. */
async function rawSum(stage: string, where: string) {
  const [row] = await db.query<{ usd: number; n: number }>(
    sql`SELECT CAST(COALESCE(sum(c.amount_usd), 0) AS DOUBLE) AS usd, CAST(count(*) AS INTEGER) AS n
     FROM contributions c JOIN sources s USING (source_id) WHERE c.stage = ${stage} AND (${trusted(where)})`
  );
  return row!;
}

describe('each rule changes the headline by exactly the rows it concerns', () => {
  const cases: [string, Partial<CountingRules>, string][] = [
    ['domestic', { domestic: false }, "c.channel = 'domestic'"],
    ['multilateral', { multilateral: false }, "c.channel = 'multilateral'"],
    ['in kind', { inKind: false }, 'c.in_kind'],
    [
      'legacy areas',
      { legacyAreas: false },
      "c.priority_area IN ('chemical_weapons_destruction', 'submarine_dismantlement', 'fissile_material')"
    ],
    ['illustrative', { illustrative: false }, "s.kind = 'illustrative'"]
  ];
  test.each(cases)('%s', async (_name, change, where) => {
    const base = await countedTotal(db, DEFAULT_RULES, all);
    const changed = await countedTotal(db, { ...DEFAULT_RULES, ...change }, all);
    const concerned = await rawSum(DEFAULT_RULES.stage, where);
    expect(concerned.n).toBeGreaterThan(0);
    expect(base.amount - changed.amount).toBeCloseTo(concerned.usd, 2);
    expect(base.rows - changed.rows).toBe(concerned.n);
  });

  test('the stage rule counts that stage, every row of it', async () => {
    for (const stage of ['pledged', 'committed', 'disbursed'] as const) {
      const total = await countedTotal(db, { ...DEFAULT_RULES, stage }, all);
      const raw = await rawSum(stage, 'true');
      expect(total.amount).toBeCloseTo(raw.usd, 2);
      expect(total.rows).toBe(raw.n);
    }
  });

  test('ruleEffects reports each changed rule with its money and rows', async () => {
    const effects = await ruleEffects(db, PRESETS.new_money_only.rules, all);
    const domestic = await rawSum('disbursed', "c.channel = 'domestic'");
    expect(effects.map((e) => e.rule)).toEqual(['domestic', 'legacyAreas']);
    expect(effects[0]!.amount).toBeCloseTo(-domestic.usd, 2);
    expect(effects[0]!.rows).toBe(-domestic.n);
    expect(await ruleEffects(db, DEFAULT_RULES, all)).toEqual([]);
  });
});

describe('multi-year amounts', () => {
  test('"spread" divides an amount evenly over its years and keeps the total', async () => {
    const spread = await contributionsByYear(db, DEFAULT_RULES, { ...all, donor: 'USA' });
    const first = await contributionsByYear(
      db,
      { ...DEFAULT_RULES, multiYear: 'first_year' },
      { ...all, donor: 'USA' }
    );
    const sum = (rows: typeof spread, stage: string) =>
      rows.filter((r) => r.stage === stage).reduce((s, r) => s + r.amount, 0);
    for (const stage of ['pledged', 'committed', 'disbursed'])
      expect(sum(spread, stage)).toBeCloseTo(sum(first, stage), 2);
    // The USD 10 bn pledge for 2002-2012 sits whole in 2002 under first_year, and is 1/11 a year when spread.
    const pledged = (rows: typeof spread, year: number) =>
      rows.find((r) => r.year === year && r.stage === 'pledged')?.amount;
    expect(pledged(first, 2002)).toBe(10_000_000_000);
    expect(pledged(spread, 2007)).toBeCloseTo(10_000_000_000 / 11, 2);
    expect(pledged(first, 2007)).toBeUndefined();
  });

  test('a year filter keeps the spread share of the years in view', async () => {
    const inView = await countedTotal(
      db,
      { ...DEFAULT_RULES, stage: 'pledged' },
      { ...all, donor: 'USA', yearFrom: 2002, yearTo: 2002 }
    );
    expect(inView.amount).toBeCloseTo(10_000_000_000 / 11, 2);
  });
});

describe('needs', () => {
  test('are summed where priced and counted where not, never as zero money', async () => {
    const needs = await needsByArea(db, DEFAULT_RULES, all);
    const other = needs.find((n) => n.area === 'other')!;
    expect(other).toMatchObject({ priced: 0, pricedCount: 0, unpriced: 1 });
    const [raw] = await db.query<{ priced: number; unpriced: number }>(
      sql`SELECT CAST(sum(estimated_usd) AS DOUBLE) AS priced, CAST(count(*) FILTER (WHERE estimated_usd IS NULL) AS INTEGER) AS unpriced FROM needs`
    );
    expect(needs.reduce((s, n) => s + n.priced, 0)).toBe(raw!.priced);
    expect(needs.reduce((s, n) => s + n.unpriced, 0)).toBe(raw!.unpriced);
    expect(raw!.unpriced).toBeGreaterThan(0);
  });

  test('the illustrative rule leaves only the cited needs: the unpriced 1540 requests and one estimate', async () => {
    const needs = await needsByArea(db, { ...DEFAULT_RULES, illustrative: false }, all);
    expect(needs.map((n) => [n.area, n.priced, n.unpriced])).toEqual([
      ['submarine_dismantlement', 4_000_000_000, 0],
      ['nuclear_radiological_security', 0, 1],
      ['resolution_1540', 0, 3],
      // The requests the 1540 Committee lists without their dates or areas: in no area, counted, not priced.
      [null, 0, 16]
    ]);
  });
});

describe('filters', () => {
  test('a donor and an area narrow the money, and hostile values stay data', async () => {
    const rows = await contributionsByArea(db, DEFAULT_RULES, {
      ...all,
      donor: 'CAN',
      area: 'biological_security'
    });
    expect(rows.map((r) => [r.area, r.stage, r.amount])).toEqual([
      ['biological_security', 'pledged', 25_000_000]
    ]);
    expect(await contributionsByArea(db, DEFAULT_RULES, { ...all, donor: "CAN' OR 1=1 --" })).toEqual([]);
  });
});

describe('the rules in the URL and in words', () => {
  test('round-trip, with defaults left out', () => {
    const notices: string[] = [];
    const params = new URLSearchParams();
    serializeRules(PRESETS.new_money_only.rules, params);
    expect(params.toString()).toBe('domestic=exclude&legacy_areas=exclude');
    expect(parseRules(params, notices)).toEqual(PRESETS.new_money_only.rules);
    const view = {
      rules: {
        ...DEFAULT_RULES,
        stage: 'committed' as const,
        multiYear: 'first_year' as const,
        illustrative: false
      },
      filters: { donor: 'CAN', area: 'resolution_1540' as const, yearFrom: 2005, yearTo: 2012 },
      compare: 'as_reported' as const
    };
    expect(parseFunding(serializeFunding(view))).toEqual({ value: view, notices: [] });
    expect(serializeFunding(DEFAULT_FUNDING).toString()).toBe('');
  });

  test('unknown values fall back to the defaults, with a notice', () => {
    const { value, notices } = parseFunding(
      new URLSearchParams('stage=promised&domestic=maybe&area=moon&compare=mine')
    );
    expect(value).toEqual(DEFAULT_FUNDING);
    expect(notices).toEqual([
      'Unknown stage "promised"; counting disbursed amounts.',
      'Unknown value "maybe" for the domestic rule; using the default.',
      '"moon" is not a priority area; showing all areas.',
      '"mine" is not a preset; comparing with new money only.'
    ]);
  });

  test('say which preset they are', () => {
    expect(describeRules(DEFAULT_RULES)).toMatch(
      /^As reported \(GP reporting practice\): disbursed amounts; domestic spending counted/
    );
    expect(describeRules(PRESETS.new_money_only.rules)).toMatch(
      /^New money only: .*domestic spending excluded/
    );
    expect(describeRules({ ...DEFAULT_RULES, inKind: false })).toMatch(
      /^Custom rules: .*in-kind support excluded/
    );
  });
});
