/**
 * Queries of the expansion view. A partner in year Y is an entity with a `partner` period covering Y; a period
 * whose start is unknown covers Y from its `confirmed_year` on and is reported as "year unknown", never placed in
 * a guessed year. Every filter is a bound parameter (db.ts): count the EU, the region (null for all), the first
 * and last year (null for the data's own range).
 */
import { sql, type Db, type Sql } from '../db';
import { PERIODS } from './periods';

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
function inRegion(f: ExpansionFilters): Sql {
  return sql`(${f.region}::VARCHAR IS NULL OR e.region = ${f.region})`;
}

/** Partner periods in view: start (known or confirmed), end, region, whether the start year is known. */
function partnerPeriodsSql(f: ExpansionFilters): Sql {
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
function yearsSql(f: ExpansionFilters): Sql {
  return sql`
    SELECT range AS year FROM range(
      COALESCE(${f.yearFrom}::INTEGER, (SELECT min(start_year) FROM (${PERIODS}) WHERE status = 'partner')),
      COALESCE(${f.yearTo}::INTEGER, (SELECT greatest(
                 (SELECT max(last_event_year) FROM (${PERIODS}) WHERE status = 'partner'),
                 (SELECT max(year) FROM published_counts)))) + 1)`;
}

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

export type MapStatus = 'partner' | 'former' | 'observer' | 'invitee' | 'attended';

export interface StateStatusRow {
  entityId: string;
  name: string;
  region: string | null;
  /**
   * The state's standing in the last year of the view; `former` = a partner before, not then; `attended` = came
   * to a GPWG meeting, not a member.
   */
  status: MapStatus;
  /** For partners: the year joined, or the year first confirmed when `yearKnown` is false. */
  joinYear: number | null;
  yearKnown: boolean;
  /** Every membership period and non-member attendance, in words, for the tooltip. */
  history: string;
  sources: string;
  /** The standing rests on an illustrative source. */
  illustrative: boolean;
}

/**
 * Each state's standing as of the last year in view (grain: state). States with no membership and no attendance
 * are absent: the map shows them as non-members.
 */
export function stateStatus(db: Db, f: ExpansionFilters): Promise<StateStatusRow[]> {
  return db.query<StateStatusRow>(
    sql`WITH y AS (${yearsSql(f)}), last AS (SELECT max(year) AS year FROM y),
     periods AS (
       SELECT m.entity_id, m.status, m.start_year, m.end_year, m.year_known,
              s.title AS source_title, s.kind = 'illustrative' AS illustrative,
              m.status || ' ' || CASE WHEN m.from_year IS NULL THEN 'by ' || m.confirmed_year || ' (year unknown)'
                                      ELSE 'from ' || m.from_year END
                           || CASE WHEN m.to_year IS NOT NULL THEN ' to ' || m.to_year
                                   WHEN m.ended_by_year IS NOT NULL
                                     THEN ', not listed by ' || m.ended_by_year || ' (end year unknown)'
                                   ELSE '' END AS words
       FROM (${PERIODS}) m JOIN sources s ON s.source_id = m.source_id
     ),
     current AS (
       SELECT p.* FROM periods p, last
       WHERE p.start_year <= last.year AND (p.end_year IS NULL OR p.end_year >= last.year)
     ),
     former AS (
       SELECT DISTINCT p.entity_id, p.start_year, p.year_known, p.illustrative FROM periods p, last
       WHERE p.status = 'partner' AND p.end_year < last.year
     ),
     visits AS (
       SELECT p.entity_id, mt.meeting_id, mt.date_start, p.capacity, s.title AS source_title,
              'attended ' || mt.city || ' ' || strftime(mt.date_start, '%b %Y') || ' as ' || p.capacity AS words
       FROM participation p JOIN meetings mt USING (meeting_id) JOIN sources s ON s.source_id = p.source_id, last
       WHERE p.capacity <> 'partner' AND year(mt.date_start) <= last.year
     ),
     states AS (
       SELECT e.entity_id, e.name, e.region FROM entities e
       WHERE e.kind = 'state' AND ${inRegion(f)}
     )
     SELECT st.entity_id AS "entityId", st.name, st.region,
            COALESCE(c.status, CASE WHEN fo.entity_id IS NOT NULL THEN 'former' END, 'attended') AS status,
            CAST(CASE WHEN c.status = 'partner' THEN c.start_year
                      WHEN c.status IS NULL THEN fo.start_year END AS INTEGER) AS "joinYear",
            COALESCE(c.year_known, fo.year_known, true) AS "yearKnown",
            COALESCE(c.illustrative, fo.illustrative, false) AS illustrative,
            concat_ws('; ', (SELECT string_agg(words, '; ' ORDER BY start_year) FROM periods p WHERE p.entity_id = st.entity_id),
                            (SELECT string_agg(words, '; ' ORDER BY date_start) FROM visits v WHERE v.entity_id = st.entity_id)) AS history,
            concat_ws('; ', (SELECT string_agg(DISTINCT source_title, '; ') FROM periods p WHERE p.entity_id = st.entity_id),
                            (SELECT string_agg(DISTINCT source_title, '; ') FROM visits v WHERE v.entity_id = st.entity_id)) AS sources
     FROM states st
     LEFT JOIN current c ON c.entity_id = st.entity_id
     LEFT JOIN (SELECT entity_id, min(start_year) AS start_year, bool_and(year_known) AS year_known,
                       bool_or(illustrative) AS illustrative FROM former GROUP BY entity_id) fo
       ON fo.entity_id = st.entity_id
     WHERE c.entity_id IS NOT NULL OR fo.entity_id IS NOT NULL
        OR EXISTS (SELECT 1 FROM visits v WHERE v.entity_id = st.entity_id)
     ORDER BY st.name`
  );
}

export interface OnTheWayRow {
  entityId: string;
  name: string;
  region: string | null;
  /** Why: observer or invitee status, or attendance at a GPWG meeting without being a partner. */
  reason: string;
  /** The first GPWG meeting attended as a non-partner, if any. */
  firstMeeting: string | null;
  firstMeetingDate: string | null;
  /** Year from which the entity is on the way. */
  since: number;
  /** The year it became a partner, if it has. */
  joined: number | null;
  sources: string;
}

/**
 * States on the way to membership during the years in view: observers and invitees, and states that attended a
 * GPWG meeting without being partners, from then until the year they join (that year included).
 */
export function onTheWay(db: Db, f: ExpansionFilters): Promise<OnTheWayRow[]> {
  return db.query<OnTheWayRow>(
    sql`WITH y AS (${yearsSql(f)}), span AS (SELECT min(year) AS first, max(year) AS last FROM y),
     approaches AS (
       SELECT m.entity_id, m.status AS reason, NULL AS meeting, NULL::DATE AS meeting_date,
              COALESCE(m.from_year, m.confirmed_year) AS since, s.title AS source_title
       FROM memberships m JOIN sources s ON s.source_id = m.source_id
       WHERE m.status IN ('observer', 'invitee')
       UNION ALL
       SELECT p.entity_id, 'attended as ' || p.capacity, mt.city || ', ' || strftime(mt.date_start, '%b %Y'),
              mt.date_start, year(mt.date_start), s.title
       FROM participation p JOIN meetings mt USING (meeting_id) JOIN sources s ON s.source_id = p.source_id
       WHERE p.capacity <> 'partner'
     ),
     joined AS (
       SELECT entity_id, min(start_year) AS year FROM (${PERIODS}) WHERE status = 'partner' GROUP BY entity_id
     )
     SELECT a.entity_id AS "entityId", e.name, e.region,
            arg_min(a.reason, a.since) AS reason,
            arg_min(a.meeting, a.meeting_date) AS "firstMeeting",
            CAST(min(a.meeting_date) AS VARCHAR) AS "firstMeetingDate",
            CAST(min(a.since) AS INTEGER) AS since,
            CAST(any_value(j.year) AS INTEGER) AS joined,
            string_agg(DISTINCT a.source_title, '; ') AS sources
     FROM approaches a JOIN entities e USING (entity_id) LEFT JOIN joined j USING (entity_id), span
     WHERE e.kind IN ('state', 'european_union') AND ${inRegion(f)}
     GROUP BY a.entity_id, e.name, e.region, span.first, span.last
     -- On the way from \`since\` to the join year: shown when that stretch meets the years in view.
     HAVING min(a.since) <= span.last AND (any_value(j.year) IS NULL OR any_value(j.year) >= span.first)
     ORDER BY since, e.name`
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
    sql`SELECT CAST(min(start_year) AS INTEGER) AS first,
            CAST(greatest(max(last_event_year), (SELECT max(year) FROM published_counts)) AS INTEGER) AS last
     FROM (${PERIODS}) WHERE status = 'partner'`
  );
  return row ?? { first: 2002, last: 2002 };
}
