/**
 * Gaps and coverage by region: per region and priority area, the requests (counted; priced ones summed, unpriced
 * ones counted, never summed as zero) against the counted money to recipients there; and the money no recipient
 * is recorded for, said apart, never dropped.
 */
import type { CountingRules } from '../counting-rules';
import { sql, type Db } from '../db';
import type { PriorityArea } from '../contract';
import { countedSql } from './funding-marks';
import { moneySql, oneOrNotRecorded, requestsSql, tiersSql, type RequestFilters } from './requests';

export interface GapRow {
  /** Null: the requester's region is not recorded. */
  region: string | null;
  /** Null: the request's area is not recorded. */
  area: PriorityArea | null;
  requests: number;
  open: number;
  /** Open requests with no partner active in their area and region. */
  openWithoutPartner: number;
  priced: number;
  pricedCount: number;
  unpriced: number;
  /** USD counted to recipients in the region, in the area, under the rules and years. */
  funding: number;
}

/** Per region and area with requests or money: the open requests no partner answers first. */
export function gapsByRegion(db: Db, rules: CountingRules, f: RequestFilters): Promise<GapRow[]> {
  return db.query<GapRow>(sql`
    WITH q AS (${requestsSql(rules, f)}),
    answered AS (SELECT DISTINCT need_id FROM (${tiersSql(rules, f)})),
    r AS (SELECT region, priority_area AS area, CAST(count(*) AS INTEGER) AS requests,
                 CAST(count(*) FILTER (WHERE status = 'open') AS INTEGER) AS open,
                 CAST(count(*) FILTER (WHERE status = 'open' AND need_id NOT IN (SELECT need_id FROM answered))
                      AS INTEGER) AS "openWithoutPartner",
                 CAST(COALESCE(sum(estimated_usd), 0) AS DOUBLE) AS priced,
                 CAST(count(estimated_usd) AS INTEGER) AS "pricedCount",
                 CAST(count(*) FILTER (WHERE estimated_usd IS NULL) AS INTEGER) AS unpriced
          FROM q GROUP BY region, priority_area),
    m AS (SELECT region, priority_area AS area, CAST(sum(amount) AS DOUBLE) AS funding
          FROM (${moneySql(rules, f)})
          WHERE ${oneOrNotRecorded(sql`region`, f.region)} AND ${oneOrNotRecorded(sql`subregion`, f.subregion)}
            AND (${f.area}::VARCHAR IS NULL OR priority_area = ${f.area})
          GROUP BY region, priority_area)
    SELECT region, area, COALESCE(requests, 0) AS requests, COALESCE(open, 0) AS open,
           COALESCE("openWithoutPartner", 0) AS "openWithoutPartner", COALESCE(priced, 0) AS priced,
           COALESCE("pricedCount", 0) AS "pricedCount", COALESCE(unpriced, 0) AS unpriced,
           COALESCE(funding, 0) AS funding
    FROM r FULL JOIN m USING (region, area)
    ORDER BY "openWithoutPartner" DESC, region NULLS LAST, area NULLS LAST`);
}

/** Counted money no recipient is recorded for (in the area filter and years): said apart, never dropped. */
export async function unattributedMoney(db: Db, rules: CountingRules, f: RequestFilters): Promise<number> {
  const years = { donor: null, area: f.area, yearFrom: f.yearFrom, yearTo: f.yearTo };
  const [row] = await db.query<{ amount: number }>(sql`
    SELECT CAST(COALESCE(sum(amount), 0) AS DOUBLE) AS amount FROM (${countedSql(rules, years)})
    WHERE stage = ${rules.stage} AND recipient_id IS NULL`);
  return row!.amount;
}
