/**
 * The presidency page's own queries: who held the GP's presidency in a year (as precisely as a source says), the
 * years a page exists for, who stayed away from a meeting, and the observers and invitees a year brought. The
 * page's other figures are the attendance, expansion and funding views' queries, asked about one year.
 */
import { sql, type Db } from '../db';

export interface PresidencyRow {
  holderId: string;
  holder: string;
  startYear: number;
  endYear: number;
  /** As the source gives it: "2012", "from June 2014 to the end of 2015". */
  period: string;
  /** The source's own words. */
  wording: string;
  sourceTitle: string;
  sourceKind: 'seed' | 'cited' | 'illustrative';
}

/** The presidencies a year falls in (one, or none where no source gives the year; two only in a handover year). */
export function presidenciesIn(db: Db, year: number): Promise<PresidencyRow[]> {
  return db.query<PresidencyRow>(
    sql`SELECT p.holder_id AS "holderId", COALESCE(e.name, p.holder_id) AS holder,
            p.start_year AS "startYear", p.end_year AS "endYear", p.period, p.wording,
            s.title AS "sourceTitle", s.kind AS "sourceKind"
     FROM presidencies p
     LEFT JOIN entities e ON e.entity_id = p.holder_id
     JOIN sources s ON s.source_id = p.source_id
     WHERE ${year}::INTEGER BETWEEN p.start_year AND p.end_year
     ORDER BY p.start_year, p.holder_id`
  );
}

export interface PresidencyYear {
  year: number;
  /** Who held the presidency that year, or null where no source says. */
  holders: string | null;
}

/** Every year with a recorded presidency or a recorded GPWG meeting: the years a presidency page is about. */
export function presidencyYears(db: Db): Promise<PresidencyYear[]> {
  return db.query<PresidencyYear>(
    sql`WITH held AS (
       SELECT unnest(range(p.start_year, p.end_year + 1)) AS year, COALESCE(e.name, p.holder_id) AS holder
       FROM presidencies p LEFT JOIN entities e ON e.entity_id = p.holder_id
     ),
     years AS (SELECT year FROM held UNION SELECT year(date_start) FROM meetings)
     SELECT CAST(y.year AS INTEGER) AS year, string_agg(h.holder, ', ' ORDER BY h.holder) AS holders
     FROM years y LEFT JOIN held h USING (year)
     GROUP BY y.year ORDER BY y.year`
  );
}

export interface StayedAwayRow {
  meetingId: string;
  /** The meeting with a participant list just before this one (any year), and its place and dates. */
  previousMeetingId: string;
  previousCity: string;
  previousStart: string;
  previousEnd: string;
  previousPrecision: 'day' | 'month' | 'year';
  names: string;
  count: number;
}

/**
 * For each meeting of the year with a participant list: who was listed at the previous meeting with a list and is
 * not listed at this one. A meeting with no earlier list has no row; one where everyone came back has count 0.
 */
export function stayedAway(db: Db, year: number): Promise<StayedAwayRow[]> {
  return db.query<StayedAwayRow>(
    sql`WITH listed AS (
       SELECT meeting_id, date_start,
              lag(meeting_id) OVER (ORDER BY date_start, meeting_id) AS previous_id
       FROM meetings WHERE attendance_recorded
     ),
     this_year AS (SELECT * FROM listed WHERE year(date_start) = ${year}::INTEGER AND previous_id IS NOT NULL),
     away AS (
       SELECT t.meeting_id, t.previous_id, e.name
       FROM this_year t
       JOIN participation before ON before.meeting_id = t.previous_id
       JOIN entities e ON e.entity_id = before.entity_id
       WHERE NOT EXISTS (
         SELECT 1 FROM participation now
         WHERE now.meeting_id = t.meeting_id AND now.entity_id = before.entity_id
       )
     )
     SELECT t.meeting_id AS "meetingId", t.previous_id AS "previousMeetingId", p.city AS "previousCity",
            CAST(p.date_start AS VARCHAR) AS "previousStart", CAST(p.date_end AS VARCHAR) AS "previousEnd",
            p.date_precision AS "previousPrecision",
            COALESCE(string_agg(a.name, ', ' ORDER BY a.name), '') AS names,
            CAST(count(a.name) AS INTEGER) AS count
     FROM this_year t JOIN meetings p ON p.meeting_id = t.previous_id LEFT JOIN away a ON a.meeting_id = t.meeting_id
     GROUP BY t.meeting_id, t.previous_id, t.date_start, p.city, p.date_start, p.date_end, p.date_precision
     ORDER BY t.date_start`
  );
}

export interface NewStandingRow {
  status: 'observer' | 'invitee';
  names: string;
  count: number;
}

/** Observers and invitees whose standing a source dates to the year (a year no source gives is not counted). */
export function newStandings(db: Db, year: number): Promise<NewStandingRow[]> {
  return db.query<NewStandingRow>(
    sql`SELECT m.status, string_agg(e.name, ', ' ORDER BY e.name) AS names, CAST(count(*) AS INTEGER) AS count
     FROM memberships m JOIN entities e USING (entity_id)
     WHERE m.status IN ('observer', 'invitee') AND m.from_year = ${year}::INTEGER
     GROUP BY m.status ORDER BY m.status`
  );
}
