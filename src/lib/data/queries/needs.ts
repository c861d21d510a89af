/**
 * Assistance needs beside the money, under the same filters and the illustrative rule: priced needs summed,
 * unpriced ones counted, never summed as zero. The donor filter does not apply: needs have requesters.
 */
import { ruleSpec, type CountingRules } from '../counting-rules';
import { constList, sql, trusted, type Db, type Sql } from '../db';
import { PRIORITY_AREAS, type PriorityArea } from '../contract';
import { inYears, type FundingFilters } from './funding-filters';

/** Needs in view. The illustrative rule applies to them too; the donor filter does not (needs have requesters). */
function needsSql(rules: CountingRules, f: FundingFilters): Sql {
  return sql`
    SELECT n.*, s.kind AS source_kind, s.title AS source_title
    FROM needs n JOIN sources s ON s.source_id = n.source_id
    WHERE ${ruleSpec('illustrative').keeps!(rules.illustrative)}
      AND (${f.area}::VARCHAR IS NULL OR n.priority_area = ${f.area})
      AND ${inYears(sql`n.year`, f)}`;
}

export interface NeedsRow {
  /** USD of the needs that have an estimate. */
  priced: number;
  pricedCount: number;
  /** Needs without an estimate: counted, never summed as zero. */
  unpriced: number;
  illustrative: number;
  labels: string;
  sources: string;
}

const NEEDS = trusted(`
  CAST(COALESCE(sum(estimated_usd), 0) AS DOUBLE) AS priced,
  CAST(count(estimated_usd) AS INTEGER) AS "pricedCount",
  CAST(count(*) FILTER (WHERE estimated_usd IS NULL) AS INTEGER) AS unpriced,
  CAST(count(*) FILTER (WHERE source_kind = 'illustrative') AS INTEGER) AS illustrative,
  string_agg(COALESCE(description, need_id) || ' (' || COALESCE(status, 'status not recorded') || ')', '; '
             ORDER BY need_id) AS labels,
  string_agg(DISTINCT source_title, '; ' ORDER BY source_title) AS sources`);

/** Needs per priority area: priced needs summed, unpriced ones counted (grain: area). */
export function needsByArea(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<(NeedsRow & { area: PriorityArea })[]> {
  return db.query(
    sql`SELECT priority_area AS area, ${NEEDS} FROM (${needsSql(rules, f)}) GROUP BY priority_area
     ORDER BY list_position(${constList(PRIORITY_AREAS)}, priority_area)`
  );
}

/** Needs per year requested (grain: year). */
export function needsByYear(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<(NeedsRow & { year: number })[]> {
  return db.query(
    sql`SELECT CAST(year AS INTEGER) AS year, ${NEEDS} FROM (${needsSql(rules, f)}) GROUP BY year ORDER BY year`
  );
}
