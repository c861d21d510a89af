/**
 * Match-making reads the money per partner, recipient and area from the funding basis exactly as scanning every
 * contribution finds it: amount and contributions, under every combination of the counting rules and several year
 * ranges, on the sample and on a synthetic 100k extract whose recipients are the sample's entities; and the
 * requests, candidates and gaps the view shows are the same either way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_RULES, type CountingRules } from '$lib/data/counting-rules';
import { sql, type ArrowDb } from '$lib/data/db';
import { basisReady, buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import { basisPlacedMoney, scannedPlacedMoney, type Per, type Years } from '$lib/data/queries/request-money';
import { loadUserFiles } from '$lib/data/user-files';
import { DEFAULT_NEEDS } from '$lib/views/needs';
import type { matchMaking } from '$lib/views/needs-match';
import { shown } from './match-making';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { ALL_RULES } from './rule-combinations';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const YEARS: Years[] = [
  { yearFrom: null, yearTo: null },
  { yearFrom: 2005, yearTo: 2008 },
  { yearFrom: 2010, yearTo: null },
  { yearFrom: null, yearTo: 2004 }
];

interface Placed {
  donor_id?: string;
  recipient_id: string | null;
  priority_area: string;
  amount: number;
  illustrative: number;
  rows: number;
}

/** Places compared so far: a comparison of nothing with nothing proves nothing. */
let compared = 0;

async function expectSamePlaces(rules: CountingRules, years: Years, per: Per = { donor: true }) {
  // Sorted here: the engine may order an area by its enum in the basis and by its text in the scan.
  const sorted = (rows: Placed[]) =>
    rows.sort((a, b) =>
      `${a.donor_id} ${a.recipient_id ?? '~'} ${a.priority_area}`.localeCompare(
        `${b.donor_id} ${b.recipient_id ?? '~'} ${b.priority_area}`
      )
    );
  const scanned = sorted(
    await db.query<Placed>(sql`SELECT * FROM (${scannedPlacedMoney(rules, years, per)})`)
  );
  const basis = sorted(await db.query<Placed>(sql`SELECT * FROM (${basisPlacedMoney(rules, years, per)})`));
  const what = JSON.stringify({ rules, years, per });
  compared += scanned.length;
  const keys = (rows: Placed[]) => rows.map((p) => [p.donor_id, p.recipient_id, p.priority_area, p.rows]);
  expect(keys(basis), what).toEqual(keys(scanned));
  basis.forEach((p, i) => {
    expect(p.amount, what).toBeCloseTo(scanned[i]!.amount, 2);
    expect(p.illustrative, what).toBeCloseTo(scanned[i]!.illustrative, 2);
  });
}

/** What the view shows, read once scanning (no basis) and once from the basis: the same rows. */
type Answers = ReturnType<typeof matchMaking>;

async function viewAnswers(rules: CountingRules, years: Years): Promise<Answers> {
  const f = { ...DEFAULT_NEEDS.filters, ...years };
  return shown(db, rules, f);
}

/** The same answers: every field equal, the amounts to the cent (the basis multiplies a group's sum by its share). */
function expectSameAnswers(got: Answers, want: Answers) {
  const without = (a: Answers) => ({
    requests: a.requests,
    candidates: a.candidates.map(({ amount: _, illustrative: __, ...c }) => c),
    gaps: a.gaps.map(({ funding: _, fundingIllustrative: __, ...g }) => g)
  });
  expect(without(got)).toEqual(without(want));
  got.candidates.forEach((c, i) => {
    expect(c.amount).toBeCloseTo(want.candidates[i]!.amount, 2);
    expect(c.illustrative).toBeCloseTo(want.candidates[i]!.illustrative, 2);
  });
  got.gaps.forEach((g, i) => {
    expect(g.funding).toBeCloseTo(want.gaps[i]!.funding, 2);
    expect(g.fundingIllustrative).toBeCloseTo(want.gaps[i]!.fundingIllustrative, 2);
  });
  expect(got.unattributed).toBeCloseTo(want.unattributed, 2);
}

describe('match-making from the basis equals the full scan', () => {
  test('on the sample: every rule combination, with and without a year range; the view the same', async () => {
    const some = ALL_RULES.filter((_, i) => i % 7 === 0);
    const scanned = [];
    for (const rules of some) for (const years of YEARS) scanned.push(await viewAnswers(rules, years));
    expect(basisReady(db)).toBe(false);
    expect(await buildFundingBasis(db)).toBe(true);
    for (const rules of ALL_RULES)
      for (const years of YEARS) {
        await expectSamePlaces(rules, years);
        await expectSamePlaces(rules, years, { donor: false });
      }
    expect(compared).toBeGreaterThan(3_000);
    let i = 0;
    for (const rules of some)
      for (const years of YEARS) expectSameAnswers(await viewAnswers(rules, years), scanned[i++]!);
  }, 180_000);

  test('on a synthetic 100k extract whose recipients are the sample entities', async () => {
    const csv = syntheticSampleContributions(100_000);
    const loaded = await loadUserFiles(db, [
      { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) }
    ]);
    expect(loaded.ok).toBe(true);
    // The default rules count the synthetic rows (all illustrative, as they are made up).
    const scanned = await viewAnswers(DEFAULT_RULES, YEARS[1]!);
    expect(await buildFundingBasis(db)).toBe(true);
    for (const rules of ALL_RULES.filter((_, i) => i % 23 === 0))
      for (const years of YEARS) {
        await expectSamePlaces(rules, years);
        await expectSamePlaces(rules, years, { donor: false });
      }
    expectSameAnswers(await viewAnswers(DEFAULT_RULES, YEARS[1]!), scanned);
    expect(scanned.candidates.length).toBeGreaterThan(100);
  }, 300_000);
});
