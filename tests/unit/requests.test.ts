/**
 * Match-making on the sample, in real DuckDB: the requests, who could answer each (partners funding the same area in
 * the requester, its sub-region or its region, each once in its nearest tier), and the gaps by region.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_RULES } from '$lib/data/counting-rules';
import { sql, type ArrowDb } from '$lib/data/db';
import { candidates, requests, type RequestFilters } from '$lib/data/queries/requests';
import { DEFAULT_NEEDS } from '$lib/views/needs';
import type { CandidateRow } from '$lib/views/needs-match';
import { shown } from './match-making';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

const all: RequestFilters = DEFAULT_NEEDS.filters;
const rules = DEFAULT_RULES;

const shownNow = (f: RequestFilters, r = rules) => shown(db, r, f);

describe('the requests', () => {
  test('every request is listed once, a regional body with its region not recorded, never dropped', async () => {
    const rows = await requests(db, rules, all);
    const [{ n }] = (await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM needs`
    )) as [{ n: number }];
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.needId)).size).toBe(n);
    const caricom = rows.filter((r) => r.requesterId === 'CARICOM');
    expect(caricom.length).toBeGreaterThan(0);
    expect(caricom.every((r) => r.region === null)).toBe(true);
  });

  test('a request with no area or year is listed, and an area or a year range leaves it out', async () => {
    const undated = (await requests(db, rules, all)).filter((r) => r.needId.startsWith('un1540-since-2008-'));
    expect(undated).toHaveLength(16);
    expect(undated.every((r) => r.area === null && r.year === null && r.estimatedUsd === null)).toBe(true);
    const inArea = await requests(db, rules, { ...all, area: 'resolution_1540' });
    expect(inArea.every((r) => r.area === 'resolution_1540')).toBe(true);
    const inYears = await requests(db, rules, { ...all, yearFrom: 2010 });
    expect(inYears.every((r) => r.year !== null && r.year >= 2010)).toBe(true);
  });

  test('open requests with no partner active here come first', async () => {
    const rows = (await shownNow(all)).requests;
    const lonely = rows.findIndex((r) => !(r.status === 'open' && r.partners === 0));
    expect(lonely).toBeGreaterThan(0);
    expect(rows.slice(lonely).some((r) => r.status === 'open' && r.partners === 0)).toBe(false);
  });

  test('region, sub-region and status filters, and the requests a regional body made', async () => {
    const americas = await requests(db, rules, { ...all, region: 'Americas' });
    expect(americas.length).toBeGreaterThan(0);
    expect(americas.every((r) => r.region === 'Americas')).toBe(true);
    const bodies = await requests(db, rules, { ...all, region: 'not_recorded' });
    expect(bodies.map((r) => r.requesterId).sort()).toEqual(['CARICOM', 'CARICOM', 'SICA', 'SICA']);
    const notRecorded = await requests(db, rules, { ...all, status: 'not_recorded' });
    expect(notRecorded.every((r) => r.status === null)).toBe(true);
  });
});

/** Who funds each request's area in its requester, sub-region or region: written here without the app's query. */
async function independentCandidates(stage: string) {
  return db.query<{ needId: string; donorId: string; tier: number; amount: number }>(sql`
    WITH money AS (
      SELECT c.contribution_id, c.donor_id, c.recipient_id, c.priority_area, c.amount_usd AS amount,
             r.region, r.subregion
      FROM contributions c JOIN entities r ON r.entity_id = c.recipient_id
      WHERE c.stage = ${stage}),
    pairs AS (
      SELECT n.need_id, m.donor_id, m.amount,
             CASE WHEN m.recipient_id = n.requester_id THEN 1
                  WHEN m.subregion = q.subregion THEN 2
                  WHEN m.region = q.region THEN 3 END AS tier
      FROM needs n JOIN entities q ON q.entity_id = n.requester_id
      JOIN money m ON (n.priority_area IS NULL OR m.priority_area = n.priority_area))
    SELECT need_id AS "needId", donor_id AS "donorId", CAST(tier AS INTEGER) AS tier, CAST(sum(amount) AS DOUBLE) AS amount
    FROM pairs p
    WHERE tier IS NOT NULL
      AND tier = (SELECT min(tier) FROM pairs x WHERE x.need_id = p.need_id AND x.donor_id = p.donor_id)
    GROUP BY ALL ORDER BY "needId", tier, amount DESC, "donorId"`);
}

describe('who could answer a request', () => {
  test('each partner once, in its nearest tier, as an independent query finds them', async () => {
    // The disbursed stage with every rule counting: the app's spread over years adds up to the whole amount.
    const listed = await candidates(db, rules, all);
    const app = listed.filter((c) => c.tier !== null);
    const expected = await independentCandidates('disbursed');
    const tiers = ['requester', 'subregion', 'region'];
    expect(app.length).toBeGreaterThan(3);
    expect(app.map((c) => [c.needId, c.donorId, tiers.indexOf(c.tier!) + 1])).toEqual(
      expected.map((c) => [c.needId, c.donorId, c.tier])
    );
    app.forEach((c, i) => expect(c.amount).toBeCloseTo(expected[i]!.amount, 2));
    const keys = listed.map((c) => `${c.needId} ${c.donorId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('an explicit link is shown, with or without counted money in a tier', async () => {
    const linkedTo = (rows: CandidateRow[], needId: string, donorId: string) =>
      rows.find((c) => c.needId === needId && c.donorId === donorId);
    // Norway's disbursed money to Ukraine is linked to Ukraine's request and counted in the requester's tier.
    const disbursed = (await shownNow(all)).candidates;
    expect(linkedTo(disbursed, 'ill-need-001', 'NOR')).toMatchObject({ tier: 'requester', linked: 1 });
    // The Netherlands' link is a commitment: at the disbursed stage nothing is counted, yet the link is listed.
    expect(linkedTo(disbursed, 'ill-need-002', 'NLD')).toMatchObject({ tier: null, amount: 0, linked: 1 });
    const committed = (await shownNow(all, { ...rules, stage: 'committed' })).candidates;
    expect(linkedTo(committed, 'ill-need-002', 'NLD')).toMatchObject({ tier: 'requester', linked: 1 });
    expect(linkedTo(committed, 'ill-need-002', 'NLD')!.amount).toBeGreaterThan(0);
    // A partner without any link says 0.
    expect(disbursed.filter((c) => c.linked === 0).length).toBeGreaterThan(0);
  });

  test('a rule moves the candidates by exactly the rows it concerns', async () => {
    const withInKind = await candidates(db, rules, all);
    const without = await candidates(db, { ...rules, inKind: false }, all);
    // Georgia's request for radiation monitors: the in-kind rows in its area that reach its region.
    const [{ concerned }] = (await db.query<{ concerned: number }>(
      sql`SELECT CAST(sum(c.amount_usd) AS DOUBLE) AS concerned
          FROM contributions c JOIN entities r ON r.entity_id = c.recipient_id
          WHERE c.in_kind AND c.stage = 'disbursed' AND c.priority_area = 'nuclear_radiological_security'
            AND r.region = (SELECT region FROM entities WHERE entity_id = 'GEO')`
    )) as [{ concerned: number }];
    expect(concerned).toBeGreaterThan(0);
    const total = (rows: typeof withInKind) =>
      rows.filter((c) => c.needId === 'ill-need-009').reduce((s, c) => s + c.amount, 0);
    expect(total(withInKind) - total(without)).toBeCloseTo(concerned, 2);
    // The UK's in-kind training in Georgia itself was its nearest partner; without in-kind support it is gone.
    expect(withInKind.find((c) => c.donorId === 'GBR' && c.needId === 'ill-need-009')).toMatchObject({
      tier: 'requester',
      amount: 6_000_000
    });
    expect(without.some((c) => c.donorId === 'GBR' && c.needId === 'ill-need-009')).toBe(false);
  });

  test('a years filter keeps only the money attributed to those years', async () => {
    const late = await candidates(db, rules, { ...all, yearFrom: 2012 });
    const early = await candidates(db, rules, { ...all, yearTo: 2011 });
    const both = await candidates(db, rules, all);
    const sum = (rows: typeof both) => rows.reduce((s, c) => s + c.amount, 0);
    expect(sum(late) + sum(early)).toBeLessThanOrEqual(sum(both) + 0.01);
    expect(sum(late)).toBeLessThan(sum(both));
  });
});

describe('gaps by region', () => {
  test('unpriced requests are counted, never summed as zero, and every request is in one row', async () => {
    const { gaps } = await shownNow(all);
    const [raw] = await db.query<{ n: number; priced: number; unpriced: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(estimated_usd) AS DOUBLE) AS priced,
                 CAST(count(*) FILTER (WHERE estimated_usd IS NULL) AS INTEGER) AS unpriced FROM needs`
    );
    expect(gaps.reduce((s, g) => s + g.requests, 0)).toBe(raw!.n);
    expect(gaps.reduce((s, g) => s + g.unpriced, 0)).toBe(raw!.unpriced);
    expect(gaps.reduce((s, g) => s + g.priced, 0)).toBeCloseTo(raw!.priced, 2);
    // The requests no source places: region or area not recorded, in rows of their own.
    expect(gaps.some((g) => g.area === null && g.requests > 0)).toBe(true);
    expect(gaps.some((g) => g.region === null && g.requests > 0)).toBe(true);
    // Open requests no partner answers come first.
    expect(gaps[0]!.openWithoutPartner).toBeGreaterThan(0);
  });

  test('money with no recipient is said apart, never dropped', async () => {
    const apart = (await shownNow(all)).unattributed;
    const [{ amount }] = (await db.query<{ amount: number }>(
      sql`SELECT CAST(sum(amount_usd) AS DOUBLE) AS amount FROM contributions
          WHERE recipient_id IS NULL AND stage = 'disbursed'`
    )) as [{ amount: number }];
    expect(apart).toBeCloseTo(amount, 2);
    expect(apart).toBeGreaterThan(0);
  });
});
