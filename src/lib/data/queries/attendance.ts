/**
 * Queries of the attendance view. Every filter arrives as a bound parameter: $1 presidency (entity id, or null for
 * all), $2 and $3 the first and last meeting year, $4 the participant groups, comma-separated (checked values).
 */
import type { Db, SqlParam } from '../db';

/** Who a participant is at a meeting: the kind of entity, and for states the capacity they came in. */
export const PARTICIPANT_GROUPS = [
  'state_partner',
  'state_observer',
  'state_guest',
  'european_union',
  'international_org',
  'civil_society'
] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export interface AttendanceFilters {
  /** A presidency's entity id, or null for all. */
  presidency: string | null;
  /** First and last meeting year shown; null for no bound. */
  yearFrom: number | null;
  yearTo: number | null;
  groups: readonly ParticipantGroup[];
}

function params(f: AttendanceFilters): SqlParam[] {
  return [f.presidency, f.yearFrom, f.yearTo, f.groups.join(',')];
}

/** Meetings in view: presidency and year filters only (participant groups do not hide a meeting). */
const MEETINGS_IN_VIEW = `
  SELECT * FROM meetings
  WHERE ($1::VARCHAR IS NULL OR presidency = $1)
    AND year(date_start) BETWEEN COALESCE($2::INTEGER, 0) AND COALESCE($3::INTEGER, 9999)`;

/** Each entity's first recorded meeting in the whole data: who is new where. */
const FIRST_MEETINGS = `
  SELECT p.entity_id, arg_min(p.meeting_id, m.date_start) AS first_meeting
  FROM participation p JOIN meetings m USING (meeting_id) GROUP BY p.entity_id`;

/** Participation rows in view, each with its group, entity and source kind. */
const PARTICIPANTS_IN_VIEW = `
  SELECT p.meeting_id, p.entity_id, p.capacity, p.delegates, p.source_id, e.name, e.kind AS entity_kind,
         s.kind AS source_kind, s.title AS source_title,
         CASE WHEN e.kind = 'state' THEN 'state_' || p.capacity ELSE e.kind END AS grp
  FROM participation p
  JOIN (${MEETINGS_IN_VIEW}) m USING (meeting_id)
  JOIN entities e USING (entity_id)
  JOIN sources s ON s.source_id = p.source_id
  WHERE list_contains(string_split($4, ','), CASE WHEN e.kind = 'state' THEN 'state_' || p.capacity ELSE e.kind END)`;

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
  format: 'regular' | 'enlarged';
  attendanceRecorded: boolean;
  attendanceNote: string | null;
  sourceTitle: string;
  sourceKind: 'seed' | 'cited' | 'illustrative';
}

/** The meetings in view, in date order; `attendanceRecorded = false` means no participant list is known. */
export function meetingsInView(db: Db, f: AttendanceFilters): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `SELECT m.meeting_id AS "meetingId", CAST(m.date_start AS VARCHAR) AS "dateStart",
            CAST(m.date_end AS VARCHAR) AS "dateEnd", m.date_precision AS "datePrecision", m.city, m.country,
            m.presidency, COALESCE(e.name, m.presidency) AS "presidencyName", m.presidency_year AS "presidencyYear",
            m.format, m.attendance_recorded AS "attendanceRecorded", m.attendance_note AS "attendanceNote",
            s.title AS "sourceTitle", s.kind AS "sourceKind"
     FROM (${MEETINGS_IN_VIEW}) m
     LEFT JOIN entities e ON e.entity_id = m.presidency
     JOIN sources s ON s.source_id = m.source_id
     ORDER BY m.date_start, m.meeting_id`,
    params(f).slice(0, 3)
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
    `SELECT meeting_id AS "meetingId", grp AS "group", CAST(count(*) AS INTEGER) AS entities,
            CAST(COALESCE(sum(delegates), 0) AS INTEGER) AS "delegatesKnown",
            CAST(count(*) FILTER (WHERE delegates IS NULL) AS INTEGER) AS "delegatesUnknown",
            string_agg(name, ', ' ORDER BY name) AS names,
            string_agg(DISTINCT source_title, '; ' ORDER BY source_title) AS sources,
            CAST(count(*) FILTER (WHERE source_kind = 'illustrative') AS INTEGER) AS illustrative
     FROM (${PARTICIPANTS_IN_VIEW})
     GROUP BY meeting_id, grp
     ORDER BY meeting_id, list_position(['state_partner', 'state_observer', 'state_guest', 'european_union',
                                         'international_org', 'civil_society'], grp)`,
    params(f)
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
    `WITH shown AS (${PARTICIPANTS_IN_VIEW}),
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
     ORDER BY r.rank, m.date_start`,
    params(f)
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
    `SELECT (SELECT CAST(count(*) AS INTEGER) FROM (${MEETINGS_IN_VIEW})) AS "meetingsInView",
            (SELECT CAST(count(*) AS INTEGER) FROM (${MEETINGS_IN_VIEW}) WHERE attendance_recorded) AS "meetingsRecorded",
            CAST(count(DISTINCT entity_id) AS INTEGER) AS "distinctParticipants",
            CAST(count(DISTINCT entity_id) FILTER (WHERE entity_kind = 'state') AS INTEGER) AS states,
            CAST(count(DISTINCT entity_id) FILTER (WHERE entity_kind = 'international_org') AS INTEGER)
              AS "internationalOrgs"
     FROM (${PARTICIPANTS_IN_VIEW})`,
    params(f)
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
    `SELECT s.meeting_id AS "meetingId", CAST(count(*) AS INTEGER) AS newcomers,
            string_agg(s.name, ', ' ORDER BY s.name) AS names
     FROM (${PARTICIPANTS_IN_VIEW}) s
     JOIN (${FIRST_MEETINGS}) f ON f.entity_id = s.entity_id AND f.first_meeting = s.meeting_id
     JOIN meetings m ON m.meeting_id = s.meeting_id
     GROUP BY s.meeting_id, m.date_start
     ORDER BY m.date_start`,
    params(f)
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
    `SELECT m.presidency, COALESCE(any_value(e.name), m.presidency) AS name,
            string_agg(DISTINCT CAST(m.presidency_year AS VARCHAR), ', ' ORDER BY CAST(m.presidency_year AS VARCHAR)) AS years
     FROM meetings m LEFT JOIN entities e ON e.entity_id = m.presidency
     GROUP BY m.presidency ORDER BY name`
  );
}

/** The first and last meeting years in the data, for the year filter. */
export async function meetingYearRange(db: Db): Promise<{ first: number; last: number }> {
  const [row] = await db.query<{ first: number; last: number }>(
    `SELECT CAST(min(year(date_start)) AS INTEGER) AS first, CAST(max(year(date_start)) AS INTEGER) AS last FROM meetings`
  );
  return row ?? { first: 2002, last: 2002 };
}

/**
 * Everything the attendance view shows. `f` is read when a query runs, so a live view re-runs only the queries
 * that read what changed.
 */
export const attendanceQueries = (f: () => AttendanceFilters) => ({
  meetings: (db: Db) => meetingsInView(db, f()),
  counts: (db: Db) => attendanceCounts(db, f()),
  matrix: (db: Db) => attendanceMatrix(db, f()),
  figures: (db: Db) => attendanceFigures(db, f()),
  newcomers: (db: Db) => firstAppearances(db, f()),
  presidencies: presidencyOptions,
  years: meetingYearRange
});
