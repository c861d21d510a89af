/**
 * Assistance needs beside the money, under the same filters and the illustrative rule: priced needs summed,
 * unpriced ones counted, never summed as zero. The donor filter does not apply: needs have requesters.
 */
import { ruleSpec, type CountingRules } from '../counting-rules';
import { constList, sql, trusted, type Db, type Sql } from '../db';
import { PRIORITY_AREAS, type PriorityArea } from '../contract';
import { inYears, noYearRange, type FundingFilters } from './funding-filters';

/**
 * Needs in view. The illustrative rule applies to them too; the donor filter does not (needs have requesters). A
 * need whose area or year is not recorded is in view until an area or a year range is chosen.
 */
function needsSql(rules: CountingRules, f: FundingFilters): Sql {
  return sql`
    SELECT n.*, s.kind AS source_kind, s.title AS source_title
    FROM needs n JOIN sources s ON s.source_id = n.source_id
    WHERE ${ruleSpec('illustrative').keeps!(rules.illustrative)}
      AND (${f.area}::VARCHAR IS NULL OR n.priority_area = ${f.area})
      AND CASE WHEN n.year IS NULL THEN ${noYearRange(f)} ELSE ${inYears(sql`n.year`, f)} END`;
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

/**
 * Needs per priority area: priced needs summed, unpriced ones counted (grain: area). The needs whose area is not
 * recorded are one row of their own, area null, last: in every total, in no area.
 */
export function needsByArea(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<(NeedsRow & { area: PriorityArea | null })[]> {
  return db.query(
    sql`SELECT priority_area AS area, ${NEEDS} FROM (${needsSql(rules, f)}) GROUP BY priority_area
     ORDER BY list_position(${constList(PRIORITY_AREAS)}, priority_area) NULLS LAST`
  );
}

/** Needs per year requested (grain: year); those whose year is not recorded one row, year null, last. */
export function needsByYear(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<(NeedsRow & { year: number | null })[]> {
  return db.query(
    sql`SELECT CAST(year AS INTEGER) AS year, ${NEEDS} FROM (${needsSql(rules, f)}) GROUP BY year
        ORDER BY year NULLS LAST`
  );
}
