/**
 * The expansion view's queries about states: each state's standing as of the last year in view (the map), and the
 * states on the way to membership. A standing rests on the membership periods as periods.ts counts them.
 */
import { sql, type Db } from '../db';
import { inRegion, yearsSql, type ExpansionFilters } from './expansion-scope';
import { PERIODS } from './periods';

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
