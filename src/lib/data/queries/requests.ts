/**
 * Match-making: the assistance requests, and for each the partners whose counted money in the same priority area
 * goes to the requester, else to its sub-region, else to its region (each partner once, in its nearest tier).
 * Amounts are counted under the counting rules, at their stage, within the years filter (all years by default).
 */
import { ruleSpec, type CountingRules } from '../counting-rules';
import { sql, type Db, type Sql } from '../db';
import type { NEED_STATUSES, PriorityArea } from '../contract';
import { inYears, noYearRange, type FundingFilters } from './funding-filters';
import { placedMoney } from './request-money';

/** A region or sub-region filter's value for the requesters whose region is not recorded (regional bodies). */
export const NOT_RECORDED = 'not_recorded';

export interface RequestFilters {
  /** One requester (a click on the map), or null for all. */
  requester: string | null;
  region: string | null;
  subregion: string | null;
  area: PriorityArea | null;
  /** A status, or NOT_RECORDED for the requests whose status is not recorded. */
  status: (typeof NEED_STATUSES)[number] | typeof NOT_RECORDED | null;
  yearFrom: number | null;
  yearTo: number | null;
}

/** The filter on a nullable column: all, the rows where it is not recorded, or one value. */
export function oneOrNotRecorded(column: Sql, value: string | null): Sql {
  if (value === null) return sql`TRUE`;
  if (value === NOT_RECORDED) return sql`${column} IS NULL`;
  return sql`${column} = ${value}`;
}

/** The requests in view: the filters, and the illustrative rule (made-up requests go when it excludes them). */
export function requestsSql(rules: CountingRules, f: RequestFilters): Sql {
  const years: FundingFilters = { donor: null, area: null, yearFrom: f.yearFrom, yearTo: f.yearTo };
  return sql`
    SELECT n.*, e.name AS requester, e.kind AS requester_kind, e.region, e.subregion,
           s.title AS source_title, s.kind AS source_kind
    FROM needs n JOIN entities e ON e.entity_id = n.requester_id JOIN sources s ON s.source_id = n.source_id
    WHERE ${ruleSpec('illustrative').keeps!(rules.illustrative)}
      AND (${f.requester}::VARCHAR IS NULL OR n.requester_id = ${f.requester})
      AND ${oneOrNotRecorded(sql`e.region`, f.region)}
      AND ${oneOrNotRecorded(sql`e.subregion`, f.subregion)}
      AND ${oneOrNotRecorded(sql`n.status`, f.status)}
      AND (${f.area}::VARCHAR IS NULL OR n.priority_area = ${f.area})
      AND CASE WHEN n.year IS NULL THEN ${noYearRange(years)} ELSE ${inYears(sql`n.year`, years)} END`;
}

/** Counted money placed (request-money.ts), with its recipient's region and sub-region; money with no recipient goes. */
export function placedWithRegions(money: Sql): Sql {
  return sql`
    SELECT m.*, r.region, r.subregion FROM (${money}) m JOIN entities r ON r.entity_id = m.recipient_id`;
}

/** The tiers of a candidate: the money goes to the requester itself, to its sub-region, or to its region. */
export const TIERS = ['requester', 'subregion', 'region'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * Who could answer each request of `q` (requestsSql) with the money of `placed` (placedWithRegions): need_id,
 * donor_id, tier (1 requester, 2 sub-region, 3 region), amount, illustrative, contributions; each partner once, in its nearest
 * tier, with its money there. A request whose area is not recorded is matched in every area.
 *
 * The money is summed per sub-region and per region before it meets the requests, so a request is joined to a few
 * thousand sums rather than to every recipient's money. That is exact for the nearest tier: a partner whose
 * nearest tier is the sub-region has nothing for the requester itself in the area, so its sub-region's sum is its
 * money elsewhere in the sub-region; the same holds for the region. A contribution has one recipient, so its rows
 * add up.
 */
export function matchesSql(q: Sql, placed: Sql): Sql {
  const area = sql`(q.priority_area IS NULL OR p.priority_area = q.priority_area)`;
  const pairs = (tier: number, sums: Sql, on: Sql) =>
    sql`SELECT q.need_id, p.donor_id, p.amount, p.illustrative, p.rows, CAST(${tier} AS INTEGER) AS tier
        FROM mq q JOIN ${sums} p ON ${on} AND ${area}`;
  const sumsPer = (place: Sql) =>
    sql`(SELECT donor_id, ${place}, priority_area, sum(amount) AS amount, sum(illustrative) AS illustrative,
                sum(rows) AS rows
         FROM mp WHERE ${place} IS NOT NULL GROUP BY ALL)`;
  return sql`
    WITH mq AS MATERIALIZED (${q}), mp AS MATERIALIZED (${placed})
    SELECT need_id, donor_id, tier, CAST(sum(amount) AS DOUBLE) AS amount,
           CAST(sum(illustrative) AS DOUBLE) AS illustrative, CAST(sum(rows) AS INTEGER) AS contributions
    FROM (${pairs(1, sql`mp`, sql`p.recipient_id = q.requester_id`)}
          UNION ALL ${pairs(2, sumsPer(sql`subregion`), sql`p.subregion = q.subregion`)}
          UNION ALL ${pairs(3, sumsPer(sql`region`), sql`p.region = q.region`)})
    GROUP BY need_id, donor_id, tier
    QUALIFY tier = min(tier) OVER (PARTITION BY need_id, donor_id)`;
}

/** A request as the data records it: requester and region, area, year, cost, status, source. */
export interface RequestRecord {
  needId: string;
  requesterId: string;
  requester: string;
  requesterKind: string;
  /** Null: not recorded (a regional body, say). */
  region: string | null;
  subregion: string | null;
  area: PriorityArea | null;
  year: number | null;
  /** Null: not priced. */
  estimatedUsd: number | null;
  status: string | null;
  description: string | null;
  source: string;
  sourceKind: string;
}

/** The requests in view, by year (not recorded last) and id; who could answer them is `candidates`. */
export function requests(db: Db, rules: CountingRules, f: RequestFilters): Promise<RequestRecord[]> {
  return db.query<RequestRecord>(sql`
    SELECT need_id AS "needId", requester_id AS "requesterId", requester, requester_kind AS "requesterKind",
           region, subregion, priority_area AS area, CAST(year AS INTEGER) AS year,
           CAST(estimated_usd AS DOUBLE) AS "estimatedUsd", status, description,
           source_title AS source, source_kind AS "sourceKind"
    FROM (${requestsSql(rules, f)}) ORDER BY year NULLS LAST, need_id`);
}

export interface Candidate {
  needId: string;
  donorId: string;
  donor: string;
  tier: Tier;
  /** USD counted under the rules, at their stage, within the years, in the partner's nearest tier. */
  amount: number;
  /** The part of the amount on illustrative sources. */
  illustrative: number;
  contributions: number;
}

/** Who could answer each request in view: each partner once, in its nearest tier, by amount. */
export async function candidates(db: Db, rules: CountingRules, f: RequestFilters): Promise<Candidate[]> {
  const money = await placedMoney(db, rules, f);
  return db.query<Candidate>(sql`
    SELECT need_id AS "needId", donor_id AS "donorId", e.name AS donor,
           ['requester', 'subregion', 'region'][m.tier] AS tier, m.amount, m.illustrative, m.contributions
    FROM (${matchesSql(requestsSql(rules, f), placedWithRegions(money))}) m JOIN entities e ON e.entity_id = donor_id
    ORDER BY "needId", m.tier, amount DESC, donor`);
}

export interface RequestLink {
  needId: string;
  donorId: string;
  donor: string;
  /** Contributions of the partner the data links to the request. */
  linked: number;
}

/**
 * The explicit links in the data (`contributions.need_id`: "this contribution answers that request"), per request
 * and partner, whatever the rules: they depend on the data alone, so they are read once, not on every change.
 */
export function requestLinks(db: Db): Promise<RequestLink[]> {
  return db.query<RequestLink>(sql`
    SELECT c.need_id AS "needId", c.donor_id AS "donorId", e.name AS donor, CAST(count(*) AS INTEGER) AS linked
    FROM contributions c JOIN entities e ON e.entity_id = c.donor_id
    WHERE c.need_id IS NOT NULL
    GROUP BY ALL ORDER BY "needId", donor`);
}
