/**
 * What every expansion query shares: its filters, and the partner periods and years they put in view. Every filter
 * is a bound parameter (db.ts).
 */
import { sql, type Sql } from '../db';
import { PARTNER_SPAN, PERIODS } from './periods';

export interface ExpansionFilters {
  countEu: boolean;
  /** A UN M49 region, or null for all. The EU, having none, shows only when no region is chosen. */
  region: string | null;
  yearFrom: number | null;
  yearTo: number | null;
}

/** The label the EU takes where a region is expected. */
export const EU_REGION = 'European Union';

/** The region filter on an entity `e`: states of that region, or everyone when none is chosen. */
export function inRegion(f: ExpansionFilters): Sql {
  return sql`(${f.region}::VARCHAR IS NULL OR e.region = ${f.region})`;
}

/** Partner periods in view: start (known or confirmed), end, region, whether the start year is known. */
export function partnerPeriodsSql(f: ExpansionFilters): Sql {
  return sql`
    SELECT m.entity_id, e.name, e.kind, COALESCE(e.region, ${EU_REGION}) AS region,
           m.start_year, m.end_year, m.year_known, m.end_unknown, m.to_year, m.ended_by_year,
           m.source_id, s.title AS source_title, s.kind AS source_kind
    FROM (${PERIODS}) m
    JOIN entities e USING (entity_id)
    JOIN sources s ON s.source_id = m.source_id
    WHERE m.status = 'partner'
      AND (${f.countEu} OR e.kind <> 'european_union')
      AND ${inRegion(f)}`;
}

/**
 * The years shown: the filter's bounds, else the data's first partner year to the last year that a partner
 * period or a published count tells about.
 */
export function yearsSql(f: ExpansionFilters): Sql {
  return sql`
    SELECT range AS year FROM (${PARTNER_SPAN}) span,
      range(COALESCE(${f.yearFrom}::INTEGER, span.first), COALESCE(${f.yearTo}::INTEGER, span.last) + 1)`;
}
