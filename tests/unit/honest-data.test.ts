/**
 * The sample says only what its sources say (issue: honest sample data), on real DuckDB over the committed
 * extracts: memberships that end, published counts beside ours, years and fields no source gives left empty.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yearTotals } from '../../src/lib/charts/partners-over-time';
import { DEFAULT_RULES } from '../../src/lib/data/counting-rules';
import { sql, type ArrowDb } from '../../src/lib/data/db';
import { loadExtracts } from '../../src/lib/data/load';
import { endsByYear, partnersByRegion, publishedCounts } from '../../src/lib/data/queries/expansion';
import { stateStatus } from '../../src/lib/data/queries/expansion-states';
import { type ExpansionFilters } from '../../src/lib/data/queries/expansion-scope';
import {
  contributionsByYear,
  countedTotal,
  leftOutByYears,
  type FundingFilters
} from '../../src/lib/data/queries/funding';
import { partnersPerYear } from '../../src/lib/data/queries/home';
import { needsByArea, needsByYear, type NeedsRow } from '../../src/lib/data/queries/needs';
import { DEFAULT_EXPANSION } from '../../src/lib/views/expansion';
import { endLabel, unplacedNeeds } from '../../src/lib/words';
import { parquetFixture, sample } from './fixtures';
import { openSampleDb, sampleFiles } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const withEu: ExpansionFilters = DEFAULT_EXPANSION;
const withoutEu: ExpansionFilters = { ...DEFAULT_EXPANSION, countEu: false };
const all: FundingFilters = { donor: null, area: null, yearFrom: null, yearTo: null };
const totalIn = async (f: ExpansionFilters, year: number) =>
  yearTotals(await partnersByRegion(db, f)).find((t) => t.year === year)?.total;

describe('memberships that end', () => {
  test('2020 counts 31 partners with the EU and 30 without, as the German Foreign Office and ACT do', async () => {
    expect(await totalIn(withEu, 2020)).toBe(31);
    expect(await totalIn(withoutEu, 2020)).toBe(30);
    expect((await partnersPerYear(db, { countEu: true })).find((r) => r.year === 2020)).toMatchObject({
      known: 26,
      yearUnknown: 5
    });
  });

  test('Russia counts through 2019, then "not listed by 2020, end year unknown"; the map shows it as former', async () => {
    const russiaIn = async (year: number) =>
      (await stateStatus(db, { ...withEu, yearTo: year })).find((s) => s.entityId === 'RUS');
    expect(await russiaIn(2019)).toMatchObject({ status: 'partner', joinYear: 2002 });
    expect(await russiaIn(2020)).toMatchObject({ status: 'former', joinYear: 2002 });
    expect((await russiaIn(2020))!.history).toBe('partner from 2002, not listed by 2020 (end year unknown)');
    const ends = await endsByYear(db, withEu);
    expect(ends).toEqual([{ year: 2020, endKnown: false, partners: 1, names: 'Russian Federation' }]);
    expect(endLabel(ends[0]!)).toBe('2020: Russian Federation, not listed by 2020 (end year unknown)');
  });

  test('an extract without ended_by_year still loads, every period then open', async () => {
    const fresh = await openSampleDb();
    try {
      const old = await parquetFixture(
        'memberships',
        `SELECT * EXCLUDE (ended_by_year) FROM (${sample('memberships')})`
      );
      const result = await loadExtracts(fresh, [old]);
      expect(result).toMatchObject({ ok: true });
      const [{ n }] = (await fresh.query<{ n: number }>(
        sql`SELECT CAST(count(ended_by_year) AS INTEGER) AS n FROM memberships`
      )) as [{ n: number }];
      expect(n).toBe(0);
    } finally {
      fresh.close();
    }
  });
});

describe('published counts beside ours', () => {
  test('like with like: with the EU, the counts that include it and those that do not say', async () => {
    const rows = await publishedCounts(db, withEu);
    expect(rows.map((r) => r.includesEu).every((b) => b !== 'no')).toBe(true);
    const fo2020 = rows.find((r) => r.year === 2020)!;
    expect(fo2020).toMatchObject({ count: 31, includesEu: 'yes', counted: 31 });
    expect(fo2020.publisher).toBe('Auswärtiges Amt (German Federal Foreign Office)');
    expect(fo2020.wording).toBe('mit ihren insgesamt 31 Mitgliedern die größte Arbeitsgruppe der G7');
  });

  test('without the EU, ACT\'s "30 member states" against our 30', async () => {
    const rows = await publishedCounts(db, withoutEu);
    expect(rows.filter((r) => r.year === 2020)).toEqual([
      expect.objectContaining({ count: 30, includesEu: 'no', counted: 30 })
    ]);
  });

  test('2015 to 2017 differ: four partners whose join years are unknown are counted only from 2020', async () => {
    const rows = await publishedCounts(db, withEu);
    expect(
      rows.filter((r) => r.year >= 2015 && r.year <= 2019).map((r) => [r.year, r.count, r.counted])
    ).toEqual([
      [2015, 29, 27],
      [2017, 30, 27]
    ]);
  });

  test('a region has no published peer', async () => {
    expect(await publishedCounts(db, { ...withEu, region: 'Asia' })).toEqual([]);
  });

  test('data without the published_counts table still loads, and the counts are then none', async () => {
    const fresh = await openSampleDb();
    try {
      await fresh.exec('DROP TABLE published_counts');
      const files = sampleFiles().filter((f) => f.table !== 'published_counts');
      expect(await loadExtracts(fresh, files)).toMatchObject({ ok: true });
      expect(await publishedCounts(fresh, withEu)).toEqual([]);
      expect(await totalIn(withEu, 2020)).toBe(31);
    } finally {
      fresh.close();
    }
  });
});

describe('years no source gives', () => {
  test('no cited contribution is drawn in a year its source does not state', async () => {
    const rows = await db.query<{ id: string; year: number; end: number | null; basis: string }>(
      sql`SELECT contribution_id AS id, year, period_end_year AS "end", year_basis AS basis FROM contributions
          WHERE contribution_id LIKE 'cns2008-%' OR contribution_id = 'annexa2009-aus' ORDER BY id`
    );
    expect(rows.every((r) => r.basis === 'by' && r.end === null)).toBe(true);
    expect(rows.map((r) => r.year)).toEqual([2009, 2008, 2008, 2008, 2008, 2008, 2008, 2008]);
    const perYear = await contributionsByYear(db, { ...DEFAULT_RULES, stage: 'pledged' }, all);
    const undated = perYear.filter((r) => r.year === null);
    expect(undated.map((r) => r.stage)).toEqual(['committed', 'disbursed', 'pledged']);
    expect(undated.find((r) => r.stage === 'pledged')!.rows).toBe(6);
    expect(perYear.filter((r) => r.year === 2008 && r.labels.includes('per CNS'))).toEqual([]);
  });

  test('they count with no year range, fall outside any, and the subtitle can say how much', async () => {
    const rules = { ...DEFAULT_RULES, stage: 'pledged' as const };
    const everything = await countedTotal(db, rules, all);
    const range = { ...all, yearFrom: 2002, yearTo: 2030 };
    const inRange = await countedTotal(db, rules, range);
    const leftOut = await leftOutByYears(db, rules, range);
    expect(leftOut).toMatchObject({ amount: 2_256_130_000, rows: 6 });
    expect(inRange.amount + leftOut.amount).toBeCloseTo(everything.amount, 0);
    expect(await leftOutByYears(db, rules, all)).toMatchObject({ amount: 0, rows: 0 });
  });

  test('the Czech contribution is a commitment reached by 2008, not six years disbursed', async () => {
    const [cze] = await db.query(
      sql`SELECT year, period_end_year AS "end", stage, year_basis AS basis FROM contributions
          WHERE contribution_id = 'cns2008-cze'`
    );
    expect(cze).toEqual({ year: 2008, end: null, stage: 'committed', basis: 'by' });
  });

  test('a channel no source gives is not recorded, and the channel rules leave such a row counted', async () => {
    const [usa] = await db.query(
      sql`SELECT channel, in_kind FROM contributions WHERE contribution_id = 'gp2004-usa-pledge'`
    );
    expect(usa).toEqual({ channel: null, in_kind: null });
    const pledged = { ...DEFAULT_RULES, stage: 'pledged' as const };
    const usaOnly = { ...all, donor: 'USA', area: 'other' as const };
    const counted = await countedTotal(db, pledged, usaOnly);
    const noDomestic = await countedTotal(db, { ...pledged, domestic: false, inKind: false }, usaOnly);
    expect(noDomestic.amount).toBe(counted.amount);
  });
});

describe('the ten-year pledges', () => {
  test('2002-2012 is inclusive: spread evenly over 11 years, and the tooltip says so', async () => {
    const rows = await contributionsByYear(
      db,
      { ...DEFAULT_RULES, stage: 'pledged' },
      { ...all, donor: 'USA', area: 'other' }
    );
    const pledged = rows.filter((r) => r.stage === 'pledged');
    expect(pledged.map((r) => r.year)).toEqual([
      2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012
    ]);
    for (const r of pledged) expect(r.amount).toBeCloseTo(10e9 / 11, 0);
    expect(pledged[0]!.labels).toContain('(spread evenly over 2002–2012, 11 years)');
  });
});

/** The States and regional organisations the 1540 Committee lists as requesting after its 2008 report. */
const UNDATED_REQUESTERS = [
  'ARM',
  'AZE',
  'CARICOM',
  'CIV',
  'COD',
  'COG',
  'COL',
  'GTM',
  'IRQ',
  'MDG',
  'MEX',
  'MNG',
  'QAT',
  'SICA',
  'SRB',
  'UGA'
];

describe('requests whose date and area no source gives', () => {
  test('the sixteen requesters after 2008 are stored with no year, area, cost or status', async () => {
    const rows = await db.query<Record<string, unknown>>(
      sql`SELECT requester_id, year, priority_area, estimated_usd, status, source_id FROM needs
          WHERE need_id LIKE 'un1540-since-2008-%' ORDER BY requester_id`
    );
    expect(rows.map((r) => r.requester_id)).toEqual(UNDATED_REQUESTERS);
    for (const r of rows)
      expect(r).toMatchObject({
        year: null,
        priority_area: null,
        estimated_usd: null,
        status: null,
        source_id: 'un1540-facilitating-assistance'
      });
  });

  test('they are counted in the totals and placed in no area and no year', async () => {
    const byArea = await needsByArea(db, DEFAULT_RULES, all);
    const byYear = await needsByYear(db, DEFAULT_RULES, all);
    const [counts] = await db.query<{ all: number; noArea: number; noYear: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS "all",
                 CAST(count(*) FILTER (WHERE priority_area IS NULL) AS INTEGER) AS "noArea",
                 CAST(count(*) FILTER (WHERE year IS NULL) AS INTEGER) AS "noYear" FROM needs`
    );
    const count = (n: NeedsRow) => n.pricedCount + n.unpriced;
    expect(byArea.reduce((s, n) => s + count(n), 0)).toBe(counts!.all);
    expect(byYear.reduce((s, n) => s + count(n), 0)).toBe(counts!.all);
    expect(count(byArea.find((n) => n.area === null)!)).toBe(counts!.noArea);
    expect(count(byYear.find((n) => n.year === null)!)).toBe(counts!.noYear);
    // Each area holds exactly the requests recorded in it: none is put in a guessed one.
    for (const n of byArea.filter((n) => n.area !== null)) {
      const [{ k }] = (await db.query<{ k: number }>(
        sql`SELECT CAST(count(*) AS INTEGER) AS k FROM needs WHERE priority_area = ${n.area}`
      )) as [{ k: number }];
      expect(count(n), n.area!).toBe(k);
    }
    expect(
      unplacedNeeds(
        byArea.find((n) => n.area === null),
        'area'
      )
    ).toBe('16 requests with no area recorded (none priced): in the totals, in no area.');
  });

  test('an area filter or a year range leaves them out', async () => {
    const inArea = await needsByArea(db, DEFAULT_RULES, { ...all, area: 'resolution_1540' });
    expect(inArea.map((n) => n.area)).toEqual(['resolution_1540']);
    const inYears = await needsByYear(db, DEFAULT_RULES, { ...all, yearFrom: 2005 });
    expect(inYears.some((n) => n.year === null)).toBe(false);
    expect(unplacedNeeds(undefined, 'year')).toBeNull();
  });
});

describe('fields no source fills', () => {
  test('only the Paris meeting has a format: its note says "Enlarged Format"', async () => {
    const rows = await db.query(sql`SELECT meeting_id AS id, format FROM meetings WHERE format IS NOT NULL`);
    expect(rows).toEqual([{ id: '2011-10-paris', format: 'enlarged' }]);
  });

  test('the 1540 requests and the Rosatom estimate have no status: not recorded', async () => {
    const rows = await db.query<{ id: string }>(
      sql`SELECT need_id AS id FROM needs WHERE status IS NULL ORDER BY id`
    );
    expect(rows.map((r) => r.id)).toEqual([
      'bellona2005-rus-subs',
      'un1540-ago-2008',
      'un1540-alb-2004',
      'un1540-arm-2008',
      'un1540-arm-2015',
      ...UNDATED_REQUESTERS.map((r) => `un1540-since-2008-${r.toLowerCase()}`).sort()
    ]);
    const cited = await db.query(
      sql`SELECT n.need_id FROM needs n JOIN sources s USING (source_id) WHERE s.kind <> 'illustrative' AND n.status IS NOT NULL`
    );
    expect(cited).toEqual([]);
  });

  test('no publication date is guessed; Jordan is counted from 2020, its inference said in its note', async () => {
    const guessed = await db.query(
      sql`SELECT source_id FROM sources WHERE published IS NOT NULL AND source_id IN ('act-2013-01-gp-revamped',
          'act-2004-12-ukraine', 'act-2024-02-nagasaki', 'bellona-2005-submarines', 'bellona-2006-japan',
          'gpwg-annex-a-2009', 'state-2012-kazakhstan', 'g7italy-2017')`
    );
    expect(guessed).toEqual([]);
    const [jordan] = await db.query<{ confirmed: number; note: string }>(
      sql`SELECT m.confirmed_year AS confirmed, s.note FROM memberships m JOIN sources s USING (source_id)
          WHERE m.entity_id = 'JOR'`
    );
    expect(jordan!.confirmed).toBe(2020);
    expect(jordan!.note).toMatch(/INFERENCE, flagged/);
  });

  test("Canada's renewal and Russia's pledge cite pages that are among the sources", async () => {
    const ids = (await db.query<{ id: string }>(sql`SELECT source_id AS id FROM sources`)).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['pmo-canada-2012-gpp', 'german-fo-gp-en']));
  });

  test('names as the seed writes them: Tarnów, and one Washington, D.C.', async () => {
    const [poland] = await db.query<{ project: string }>(
      sql`SELECT project FROM contributions WHERE contribution_id = 'ill-039'`
    );
    expect(poland!.project).toContain('Tarnów');
    const cities = await db.query(sql`SELECT DISTINCT city FROM meetings WHERE city LIKE 'Washington%'`);
    expect(cities).toEqual([{ city: 'Washington, D.C.' }]);
  });
});
