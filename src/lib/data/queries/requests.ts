/**
 * Match-making: the assistance requests, and for each the partners whose counted money in the same priority area
 * goes to the requester, else to its sub-region, else to its region (each partner once, in its nearest tier).
 * Amounts are counted under the counting rules, at their stage, within the years filter (all years by default).
 */
import { ruleSpec, type CountingRules } from '../counting-rules';
import { sql, type Db, type Sql } from '../db';
import type { NEED_STATUSES, PriorityArea } from '../contract';
import { inYears, noYearRange, type FundingFilters } from './funding-filters';
import { countedSql } from './funding-marks';

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

/** The years of the filters, as the funding queries take them: money in every area, from every partner. */
const yearsOnly = (f: RequestFilters): FundingFilters => ({
  donor: null,
  area: null,
  yearFrom: f.yearFrom,
  yearTo: f.yearTo
});

/** The requests in view: the filters, and the illustrative rule (made-up requests go when it excludes them). */
export function requestsSql(rules: CountingRules, f: RequestFilters): Sql {
  const years = yearsOnly(f);
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

/** Counted money to a recipient, one row per contribution and attributed year, at the rules' stage. */
export function moneySql(rules: CountingRules, f: RequestFilters): Sql {
  return sql`
    SELECT c.*, r.region, r.subregion FROM (${countedSql(rules, yearsOnly(f))}) c
    JOIN entities r ON r.entity_id = c.recipient_id
    WHERE c.stage = ${rules.stage}`;
}

/** The tiers of a candidate: the money goes to the requester itself, to its sub-region, or to its region. */
export const TIERS = ['requester', 'subregion', 'region'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * Every contribution that could answer a request in view, with its tier (1 requester, 2 sub-region, 3 region). A
 * request whose area is not recorded is matched in every area.
 */
export function tiersSql(rules: CountingRules, f: RequestFilters): Sql {
  return sql`
    SELECT q.need_id, m.donor_id, m.contribution_id, m.amount,
           CASE WHEN m.recipient_id = q.requester_id THEN 1 WHEN m.subregion = q.subregion THEN 2 ELSE 3 END AS tier
    FROM (${requestsSql(rules, f)}) q JOIN (${moneySql(rules, f)}) m
      ON (q.priority_area IS NULL OR m.priority_area = q.priority_area)
     AND (m.recipient_id = q.requester_id OR m.subregion = q.subregion OR m.region = q.region)`;
}

export interface RequestRow {
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
  /** Partners with counted money that could answer it, in any tier; 0: no partner active here. */
  partners: number;
  /** Its nearest tier with a partner, or null. */
  nearestTier: Tier | null;
  /** Contributions the data links to this request (`contributions.need_id`). */
  linked: number;
}

/**
 * The requests in view, open ones with no partner active in their area and region first, then by year (not
 * recorded last) and id.
 */
export function requests(db: Db, rules: CountingRules, f: RequestFilters): Promise<RequestRow[]> {
  return db.query<RequestRow>(sql`
    WITH t AS (${tiersSql(rules, f)}),
    per AS (SELECT need_id, CAST(count(DISTINCT donor_id) AS INTEGER) AS partners, min(tier) AS tier
            FROM t GROUP BY need_id),
    links AS (SELECT need_id, CAST(count(*) AS INTEGER) AS linked FROM contributions
              WHERE need_id IS NOT NULL GROUP BY need_id)
    SELECT q.need_id AS "needId", q.requester_id AS "requesterId", q.requester, q.requester_kind AS "requesterKind",
           q.region, q.subregion, q.priority_area AS area, CAST(q.year AS INTEGER) AS year,
           CAST(q.estimated_usd AS DOUBLE) AS "estimatedUsd", q.status, q.description,
           q.source_title AS source, q.source_kind AS "sourceKind",
           COALESCE(per.partners, 0) AS partners,
           ['requester', 'subregion', 'region'][per.tier] AS "nearestTier",
           COALESCE(links.linked, 0) AS linked
    FROM (${requestsSql(rules, f)}) q LEFT JOIN per USING (need_id) LEFT JOIN links USING (need_id)
    ORDER BY (q.status = 'open' AND per.partners IS NULL) DESC, q.year NULLS LAST, q.need_id`);
}

export interface CandidateRow {
  needId: string;
  donorId: string;
  donor: string;
  tier: Tier;
  /** USD counted under the rules, at their stage, within the years, in the partner's nearest tier. */
  amount: number;
  contributions: number;
}

/** Who could answer each request in view: each partner once, in its nearest tier, by amount. */
export function candidates(db: Db, rules: CountingRules, f: RequestFilters): Promise<CandidateRow[]> {
  return db.query<CandidateRow>(sql`
    WITH t AS (${tiersSql(rules, f)}),
    nearest AS (SELECT need_id, donor_id, min(tier) AS tier FROM t GROUP BY need_id, donor_id)
    SELECT t.need_id AS "needId", t.donor_id AS "donorId", e.name AS donor,
           ['requester', 'subregion', 'region'][t.tier] AS tier,
           CAST(sum(t.amount) AS DOUBLE) AS amount, CAST(count(DISTINCT t.contribution_id) AS INTEGER) AS contributions
    FROM t JOIN nearest USING (need_id, donor_id, tier) JOIN entities e ON e.entity_id = t.donor_id
    GROUP BY t.need_id, t.donor_id, e.name, t.tier
    ORDER BY "needId", t.tier, amount DESC, donor`);
}
