/**
 * Queries of the attendance view. Every filter arrives as a bound parameter (db.ts): the presidency (an entity id,
 * or null for all), the first and last meeting year (null for no bound), and the participant groups shown.
 */
import { PARTICIPANT_GROUPS, type ParticipantGroup } from '../domain';
import { constList, sql, trusted, type Db, type Sql } from '../db';

export interface AttendanceFilters {
  /** A presidency's entity id, or null for all. */
  presidency: string | null;
  /** First and last meeting year shown; null for no bound. */
  yearFrom: number | null;
  yearTo: number | null;
  groups: readonly ParticipantGroup[];
}

/** Meetings in view: presidency and year filters only (participant groups do not hide a meeting). */
function meetingsInViewSql(f: AttendanceFilters): Sql {
  return sql`
    SELECT * FROM meetings
    WHERE (${f.presidency}::VARCHAR IS NULL OR presidency = ${f.presidency})
      AND year(date_start) BETWEEN COALESCE(${f.yearFrom}::INTEGER, 0) AND COALESCE(${f.yearTo}::INTEGER, 9999)`;
}

/** Each entity's first recorded meeting in the whole data: who is new where. */
const FIRST_MEETINGS = trusted(`
  SELECT p.entity_id, arg_min(p.meeting_id, m.date_start) AS first_meeting
  FROM participation p JOIN meetings m USING (meeting_id) GROUP BY p.entity_id`);

/** A participation row's group: states by capacity, others by kind (the values of PARTICIPANT_GROUPS). */
const GROUP_OF = trusted(`CASE WHEN e.kind = 'state' THEN 'state_' || p.capacity ELSE e.kind END`);

/** Participation rows in view, each with its group, entity and source kind. */
function participantsInViewSql(f: AttendanceFilters): Sql {
  return sql`
    SELECT p.meeting_id, p.entity_id, p.capacity, p.delegates, p.source_id, e.name, e.kind AS entity_kind,
           s.kind AS source_kind, s.title AS source_title, ${GROUP_OF} AS grp
    FROM participation p
    JOIN (${meetingsInViewSql(f)}) m USING (meeting_id)
    JOIN entities e USING (entity_id)
    JOIN sources s ON s.source_id = p.source_id
    WHERE list_contains(string_split(${f.groups.join(',')}, ','), ${GROUP_OF})`;
}

export interface MeetingRow {
  meetingId: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: 'day' | 'month' | 'year';
  city: string;
  country: string;
  presidency: string;
  presidencyName: string;
  presidencyYear: number;
  /** Null: the sources do not say. */
  format: 'regular' | 'enlarged' | null;
  attendanceRecorded: boolean;
  attendanceNote: string | null;
  sourceTitle: string;
  sourceKind: 'seed' | 'cited' | 'illustrative';
}

/** The meetings in view, in date order; `attendanceRecorded = false` means no participant list is known. */
export function meetingsInView(db: Db, f: AttendanceFilters): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    sql`SELECT m.meeting_id AS "meetingId", CAST(m.date_start AS VARCHAR) AS "dateStart",
            CAST(m.date_end AS VARCHAR) AS "dateEnd", m.date_precision AS "datePrecision", m.city, m.country,
            m.presidency, COALESCE(e.name, m.presidency) AS "presidencyName", m.presidency_year AS "presidencyYear",
            m.format, m.attendance_recorded AS "attendanceRecorded", m.attendance_note AS "attendanceNote",
            s.title AS "sourceTitle", s.kind AS "sourceKind"
     FROM (${meetingsInViewSql(f)}) m
     LEFT JOIN entities e ON e.entity_id = m.presidency
     JOIN sources s ON s.source_id = m.source_id
     ORDER BY m.date_start, m.meeting_id`
  );
}

export interface AttendanceCountRow {
  meetingId: string;
  group: ParticipantGroup;
  /** Participants (entities) of this group at this meeting. */
  entities: number;
  /** Sum of delegates where the source gives a number. */
  delegatesKnown: number;
  /** Participants whose number of delegates the source does not give. */
  delegatesUnknown: number;
  /** Names, in alphabetical order, for tooltips. */
  names: string;
  sources: string;
  illustrative: number;
}

/**
 * Participants per recorded meeting and group (grain: meeting × group; unit: entities, or delegates where known).
 * Meetings without a participant list have no rows here: the view shows them as "not recorded", never as zero.
 */
export function attendanceCounts(db: Db, f: AttendanceFilters): Promise<AttendanceCountRow[]> {
  return db.query<AttendanceCountRow>(
    sql`SELECT meeting_id AS "meetingId", grp AS "group", CAST(count(*) AS INTEGER) AS entities,
            CAST(COALESCE(sum(delegates), 0) AS INTEGER) AS "delegatesKnown",
            CAST(count(*) FILTER (WHERE delegates IS NULL) AS INTEGER) AS "delegatesUnknown",
            string_agg(name, ', ' ORDER BY name) AS names,
            string_agg(DISTINCT source_title, '; ' ORDER BY source_title) AS sources,
            CAST(count(*) FILTER (WHERE source_kind = 'illustrative') AS INTEGER) AS illustrative
     FROM (${participantsInViewSql(f)})
     GROUP BY meeting_id, grp
     ORDER BY meeting_id, list_position(${constList(PARTICIPANT_GROUPS)}, grp)`
  );
}

export interface MatrixRow {
  entityId: string;
  name: string;
  entityKind: 'state' | 'european_union' | 'international_org' | 'civil_society';
  meetingId: string;
  capacity: 'partner' | 'observer' | 'guest';
  /** First seen here, in the whole data, after an earlier meeting with a participant list: a newcomer. */
  newcomer: boolean;
  /** Position of the entity's row: kind first, then most meetings attended, then name. */
  rank: number;
  sourceTitle: string;
  illustrative: boolean;
}

/** Who attended which meeting (grain: entity × meeting), rows ordered for the matrix. */
export function attendanceMatrix(db: Db, f: AttendanceFilters): Promise<MatrixRow[]> {
  return db.query<MatrixRow>(
    sql`WITH shown AS (${participantsInViewSql(f)}),
     firsts AS (${FIRST_MEETINGS}),
     ranked AS (
       SELECT entity_id, CAST(row_number() OVER (
                ORDER BY list_position(['state', 'european_union', 'international_org', 'civil_society'],
                                       any_value(entity_kind)),
                         count(*) DESC, any_value(name)) AS INTEGER) AS rank
       FROM shown GROUP BY entity_id
     )
     SELECT s.entity_id AS "entityId", s.name, s.entity_kind AS "entityKind", s.meeting_id AS "meetingId",
            s.capacity, r.rank,
            (f.first_meeting = s.meeting_id AND EXISTS (
               SELECT 1 FROM meetings earlier
               WHERE earlier.attendance_recorded AND earlier.date_start < m.date_start)) AS newcomer,
            s.source_title AS "sourceTitle", (s.source_kind = 'illustrative') AS illustrative
     FROM shown s JOIN ranked r USING (entity_id) JOIN firsts f USING (entity_id)
     JOIN meetings m ON m.meeting_id = s.meeting_id
     ORDER BY r.rank, m.date_start`
  );
}

export interface AttendanceFigures {
  meetingsInView: number;
  meetingsRecorded: number;
  distinctParticipants: number;
  states: number;
  internationalOrgs: number;
}

/** The headline figures above the charts, following every filter. */
export async function attendanceFigures(db: Db, f: AttendanceFilters): Promise<AttendanceFigures> {
  const [row] = await db.query<AttendanceFigures>(
    sql`SELECT (SELECT CAST(count(*) AS INTEGER) FROM (${meetingsInViewSql(f)})) AS "meetingsInView",
            (SELECT CAST(count(*) AS INTEGER) FROM (${meetingsInViewSql(f)}) WHERE attendance_recorded) AS "meetingsRecorded",
            CAST(count(DISTINCT entity_id) AS INTEGER) AS "distinctParticipants",
            CAST(count(DISTINCT entity_id) FILTER (WHERE entity_kind = 'state') AS INTEGER) AS states,
            CAST(count(DISTINCT entity_id) FILTER (WHERE entity_kind = 'international_org') AS INTEGER)
              AS "internationalOrgs"
     FROM (${participantsInViewSql(f)})`
  );
  return row!;
}

export interface FirstAppearanceRow {
  meetingId: string;
  newcomers: number;
  names: string;
}

/** Per recorded meeting in view: participants seen there for the first time in the data. */
export function firstAppearances(db: Db, f: AttendanceFilters): Promise<FirstAppearanceRow[]> {
  return db.query<FirstAppearanceRow>(
    sql`SELECT s.meeting_id AS "meetingId", CAST(count(*) AS INTEGER) AS newcomers,
            string_agg(s.name, ', ' ORDER BY s.name) AS names
     FROM (${participantsInViewSql(f)}) s
     JOIN (${FIRST_MEETINGS}) f ON f.entity_id = s.entity_id AND f.first_meeting = s.meeting_id
     JOIN meetings m ON m.meeting_id = s.meeting_id
     GROUP BY s.meeting_id, m.date_start
     ORDER BY m.date_start`
  );
}

export interface PresidencyOption {
  presidency: string;
  name: string;
  years: string;
}

/** Presidencies that held a meeting, for the filter. */
export function presidencyOptions(db: Db): Promise<PresidencyOption[]> {
  return db.query<PresidencyOption>(
    sql`SELECT m.presidency, COALESCE(any_value(e.name), m.presidency) AS name,
            string_agg(DISTINCT CAST(m.presidency_year AS VARCHAR), ', ' ORDER BY CAST(m.presidency_year AS VARCHAR)) AS years
     FROM meetings m LEFT JOIN entities e ON e.entity_id = m.presidency
     GROUP BY m.presidency ORDER BY name`
  );
}

/** The first and last meeting years in the data, for the year filter. */
export async function meetingYearRange(db: Db): Promise<{ first: number; last: number }> {
  const [row] = await db.query<{ first: number; last: number }>(
    sql`SELECT CAST(min(year(date_start)) AS INTEGER) AS first, CAST(max(year(date_start)) AS INTEGER) AS last FROM meetings`
  );
  return row ?? { first: 2002, last: 2002 };
}
