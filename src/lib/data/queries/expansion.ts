/**
 * Queries of the expansion view. A partner in year Y is an entity with a `partner` period covering Y; a period
 * whose start is unknown covers Y from its `confirmed_year` on and is reported as "year unknown", never placed in
 * a guessed year. Every filter is a bound parameter (db.ts): count the EU, the region (null for all), the first
 * and last year (null for the data's own range).
 */
import { sql, type Db } from '../db';
import { partnerPeriodsSql, yearsSql, type ExpansionFilters } from './expansion-scope';
import { PARTNER_SPAN } from './periods';

export interface PartnersByRegionRow {
  year: number;
  region: string;
  /** Partners whose join year is recorded. */
  known: number;
  /** Partners counted from a confirmed year, join year not recorded. */
  yearUnknown: number;
  illustrative: number;
}

/** Partners per year and region (grain: year × region; unit: partners). Regions sum to the year's total. */
export function partnersByRegion(db: Db, f: ExpansionFilters): Promise<PartnersByRegionRow[]> {
  return db.query<PartnersByRegionRow>(
    sql`WITH p AS (${partnerPeriodsSql(f)}), y AS (${yearsSql(f)})
     SELECT CAST(y.year AS INTEGER) AS year, p.region,
            CAST(count(*) FILTER (WHERE p.year_known) AS INTEGER) AS known,
            CAST(count(*) FILTER (WHERE NOT p.year_known) AS INTEGER) AS "yearUnknown",
            CAST(count(*) FILTER (WHERE p.source_kind = 'illustrative') AS INTEGER) AS illustrative
     FROM y JOIN p ON p.start_year <= y.year AND (p.end_year IS NULL OR p.end_year >= y.year)
     GROUP BY y.year, p.region
     ORDER BY y.year, p.region`
  );
}

export interface JoinRow {
  year: number;
  /** False for partners first confirmed in this year whose join year is not recorded. */
  yearKnown: boolean;
  partners: number;
  names: string;
  regions: string;
}

/** Who joined in each year in view (or was first confirmed as a partner, join year unknown). */
export function joinsByYear(db: Db, f: ExpansionFilters): Promise<JoinRow[]> {
  return db.query<JoinRow>(
    sql`WITH p AS (${partnerPeriodsSql(f)}), y AS (${yearsSql(f)})
     SELECT CAST(p.start_year AS INTEGER) AS year, p.year_known AS "yearKnown", CAST(count(*) AS INTEGER) AS partners,
            string_agg(p.name, ', ' ORDER BY p.name) AS names,
            string_agg(DISTINCT p.region, ', ' ORDER BY p.region) AS regions
     FROM p WHERE p.start_year IN (SELECT year FROM y)
     GROUP BY p.start_year, p.year_known
     ORDER BY year, "yearKnown" DESC`
  );
}

export interface EndRow {
  /** The first year a partner is no longer counted: the year after its end, or the year a source shows it over. */
  year: number;
  /** False where a source only shows the period over by `year`, its end year unknown. */
  endKnown: boolean;
  partners: number;
  names: string;
}

/** Partners whose period ends within the years in view ("not listed by 2020, end year unknown"). */
export function endsByYear(db: Db, f: ExpansionFilters): Promise<EndRow[]> {
  return db.query<EndRow>(
    sql`WITH p AS (${partnerPeriodsSql(f)}), y AS (${yearsSql(f)})
     SELECT CAST(p.end_year + 1 AS INTEGER) AS year, NOT p.end_unknown AS "endKnown",
            CAST(count(*) AS INTEGER) AS partners, string_agg(p.name, ', ' ORDER BY p.name) AS names
     FROM p WHERE p.end_year + 1 IN (SELECT year FROM y)
     GROUP BY p.end_year, p.end_unknown
     ORDER BY year, "endKnown" DESC`
  );
}

export interface PublishedCountRow {
  year: number;
  count: number;
  includesEu: 'yes' | 'no' | 'unknown';
  /** The source's words. */
  wording: string;
  sourceTitle: string;
  publisher: string | null;
  sourceKind: 'seed' | 'cited' | 'illustrative';
  /** Partners counted here in that year, as the view counts them (the EU or not, by its switch). */
  counted: number;
}

/**
 * Member counts the sources publish, beside the counts computed here, like with like: with the EU counted, the
 * counts that include it; without, those that do not; a count whose EU basis is unknown always, marked so. Only
 * for the whole Partnership: a region's count has no published peer.
 */
export function publishedCounts(db: Db, f: ExpansionFilters): Promise<PublishedCountRow[]> {
  return db.query<PublishedCountRow>(
    sql`WITH p AS (${partnerPeriodsSql(f)}), y AS (${yearsSql(f)}),
     totals AS (
       SELECT y.year, count(p.entity_id) AS n FROM y
       LEFT JOIN p ON p.start_year <= y.year AND (p.end_year IS NULL OR p.end_year >= y.year)
       GROUP BY y.year
     )
     SELECT CAST(c.year AS INTEGER) AS year, CAST(c.count AS INTEGER) AS count, c.includes_eu AS "includesEu",
            c.wording, s.title AS "sourceTitle", s.publisher, s.kind AS "sourceKind",
            CAST(t.n AS INTEGER) AS counted
     FROM published_counts c JOIN sources s USING (source_id) JOIN totals t ON t.year = c.year
     WHERE ${f.region}::VARCHAR IS NULL
       AND c.includes_eu IN ('unknown', CASE WHEN ${f.countEu} THEN 'yes' ELSE 'no' END)
     ORDER BY c.year, c.count`
  );
}

/** The regions that have states in the data, for the filter. */
export async function regionOptions(db: Db): Promise<string[]> {
  const rows = await db.query<{ region: string }>(
    sql`SELECT DISTINCT region FROM entities WHERE region IS NOT NULL ORDER BY region`
  );
  return rows.map((r) => r.region);
}

/** The first and last years a partner period or a published count tells about, for the year filter. */
export async function membershipYearRange(db: Db): Promise<{ first: number; last: number }> {
  const [row] = await db.query<{ first: number; last: number }>(
    sql`SELECT CAST(first AS INTEGER) AS first, CAST(last AS INTEGER) AS last FROM (${PARTNER_SPAN})`
  );
  return row ?? { first: 2002, last: 2002 };
}
