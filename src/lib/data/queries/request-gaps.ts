/**
 * The money side of the gaps by region: counted money per recipient region and priority area, under the rules
 * and years, and the money no recipient is recorded for (said apart, never dropped). The requests' side comes from
 * the requests and their candidates (views/needs-rows.ts puts the two together).
 */
import type { CountingRules } from '../counting-rules';
import { sql, type Db } from '../db';
import type { PriorityArea } from '../contract';
import { placedMoney } from './request-money';
import { oneOrNotRecorded, type RequestFilters } from './requests';

export interface RegionFundingRow {
  /** Null: the recipient's region is not recorded, or (attributed false) there is no recipient. */
  region: string | null;
  area: PriorityArea;
  /** USD counted under the rules, at their stage, within the years. */
  funding: number;
  /** The part of it on illustrative sources. */
  illustrative: number;
  /** False: the money no recipient is recorded for (in the area filter and years; no region applies to it). */
  attributed: boolean;
}

/** Counted money to recipients in the region filters, per region and area, and the money with no recipient. */
export async function fundingByRegion(
  db: Db,
  rules: CountingRules,
  f: RequestFilters
): Promise<RegionFundingRow[]> {
  return db.query<RegionFundingRow>(sql`
    SELECT r.region, m.priority_area AS area, CAST(sum(m.amount) AS DOUBLE) AS funding,
           CAST(sum(m.illustrative) AS DOUBLE) AS illustrative,
           m.recipient_id IS NOT NULL AS attributed
    FROM (${await placedMoney(db, rules, f, { donor: false })}) m LEFT JOIN entities r ON r.entity_id = m.recipient_id
    WHERE (${f.area}::VARCHAR IS NULL OR m.priority_area = ${f.area})
      AND (m.recipient_id IS NULL
           OR (${oneOrNotRecorded(sql`r.region`, f.region)} AND ${oneOrNotRecorded(sql`r.subregion`, f.subregion)}))
    GROUP BY ALL
    ORDER BY attributed DESC, region NULLS LAST, area`);
}
