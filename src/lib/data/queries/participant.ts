/**
 * A participant's page: who it is, its membership history, every GPWG meeting in its membership years (attended,
 * not listed, or not recorded), the requests it made, and the sources behind it. Its money comes from the funding
 * queries with the partner filter set.
 */
import { sql, type Db } from '../db';
import type { RequestRecord } from './requests';

export interface ParticipantRow {
  entityId: string;
  name: string;
  kind: string;
  /** Null: not recorded. */
  region: string | null;
  subregion: string | null;
  source: string;
}

/** The participant, or none when the data does not hold it. */
export async function participant(db: Db, id: string): Promise<ParticipantRow | null> {
  const [row] = await db.query<ParticipantRow>(sql`
    SELECT e.entity_id AS "entityId", e.name, e.kind, e.region, e.subregion, s.title AS source
    FROM entities e JOIN sources s ON s.source_id = e.source_id WHERE e.entity_id = ${id}`);
  return row ?? null;
}

export interface MembershipRow {
  status: string;
  /** Null: no source gives the year it began. */
  fromYear: number | null;
  toYear: number | null;
  /** A source confirms it by this year (when the start is not known). */
  confirmedYear: number | null;
  /** A source shows it over by this year; when exactly it ended is not known. */
  endedByYear: number | null;
  source: string;
  sourceKind: string;
}

/** Its membership periods, earliest first (a period whose start is not known by the year a source confirms it). */
export function memberships(db: Db, id: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(sql`
    SELECT m.status, CAST(m.from_year AS INTEGER) AS "fromYear", CAST(m.to_year AS INTEGER) AS "toYear",
           CAST(m.confirmed_year AS INTEGER) AS "confirmedYear", CAST(m.ended_by_year AS INTEGER) AS "endedByYear",
           s.title AS source, s.kind AS "sourceKind"
    FROM memberships m JOIN sources s ON s.source_id = m.source_id
    WHERE m.entity_id = ${id}
    ORDER BY COALESCE(m.from_year, m.confirmed_year) NULLS LAST, m.status`);
}

export type Presence = 'attended' | 'not_listed' | 'not_recorded';

export interface MeetingPresenceRow {
  meetingId: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: 'day' | 'month' | 'year';
  city: string;
  /** Attended; not listed (a participant list is recorded and it is not on it); not recorded (no list). */
  presence: Presence;
  /** Null: not attended, or not recorded. */
  capacity: string | null;
  delegates: number | null;
  source: string;
}

/**
 * Every GPWG meeting in its membership years (from the first year a period begins or is confirmed, to the last it
 * ends or is seen over; to now when none ended), and any meeting it attended outside them.
 */
export function meetingPresence(db: Db, id: string): Promise<MeetingPresenceRow[]> {
  return db.query<MeetingPresenceRow>(sql`
    WITH span AS (
      SELECT min(COALESCE(from_year, confirmed_year)) AS first_year,
             CASE WHEN bool_or(to_year IS NULL AND ended_by_year IS NULL) THEN NULL
                  ELSE max(COALESCE(to_year, ended_by_year - 1)) END AS last_year
      FROM memberships WHERE entity_id = ${id}),
    mine AS (SELECT * FROM participation WHERE entity_id = ${id})
    SELECT m.meeting_id AS "meetingId", CAST(m.date_start AS VARCHAR) AS "dateStart",
           CAST(m.date_end AS VARCHAR) AS "dateEnd", m.date_precision AS "datePrecision", m.city,
           CASE WHEN p.meeting_id IS NOT NULL THEN 'attended'
                WHEN m.attendance_recorded THEN 'not_listed' ELSE 'not_recorded' END AS presence,
           p.capacity, CAST(p.delegates AS INTEGER) AS delegates, s.title AS source
    FROM meetings m CROSS JOIN span
    LEFT JOIN mine p ON p.meeting_id = m.meeting_id
    JOIN sources s ON s.source_id = COALESCE(p.source_id, m.source_id)
    WHERE p.meeting_id IS NOT NULL
       OR (span.first_year IS NOT NULL AND year(m.date_start) >= span.first_year
           AND (span.last_year IS NULL OR year(m.date_start) <= span.last_year))
    ORDER BY m.date_start, m.meeting_id`);
}

/** A request it made: as the match-making list records it, its requester being the participant. */
export type OwnRequestRow = Pick<
  RequestRecord,
  'needId' | 'area' | 'year' | 'estimatedUsd' | 'status' | 'description' | 'source' | 'sourceKind'
>;

/** The assistance requests it made, by year (not recorded last). */
export function ownRequests(db: Db, id: string): Promise<OwnRequestRow[]> {
  return db.query<OwnRequestRow>(sql`
    SELECT n.need_id AS "needId", n.priority_area AS area, CAST(n.year AS INTEGER) AS year,
           CAST(n.estimated_usd AS DOUBLE) AS "estimatedUsd", n.status, n.description,
           s.title AS source, s.kind AS "sourceKind"
    FROM needs n JOIN sources s ON s.source_id = n.source_id
    WHERE n.requester_id = ${id}
    ORDER BY n.year NULLS LAST, n.need_id`);
}

export interface ParticipantSourceRow {
  title: string;
  kind: string;
  /** What of the page rests on it: "membership", "meetings", ... */
  about: string;
}

/** Every source behind what the page says of it. */
export function participantSources(db: Db, id: string): Promise<ParticipantSourceRow[]> {
  return db.query<ParticipantSourceRow>(sql`
    SELECT s.title, s.kind, string_agg(DISTINCT u.about, ', ' ORDER BY u.about) AS about
    FROM (SELECT source_id, 'who it is' AS about FROM entities WHERE entity_id = ${id}
          UNION ALL SELECT source_id, 'membership' FROM memberships WHERE entity_id = ${id}
          UNION ALL SELECT source_id, 'meetings' FROM participation WHERE entity_id = ${id}
          UNION ALL SELECT source_id, 'contributions' FROM contributions WHERE donor_id = ${id}
          UNION ALL SELECT source_id, 'requests' FROM needs WHERE requester_id = ${id}) u
    JOIN sources s ON s.source_id = u.source_id
    GROUP BY s.title, s.kind ORDER BY s.title`);
}

export interface ParticipantOption {
  entityId: string;
  name: string;
}

/** Every participant, by name: the choices of the comparison page. */
export function participantOptions(db: Db): Promise<ParticipantOption[]> {
  return db.query<ParticipantOption>(sql`SELECT entity_id AS "entityId", name FROM entities ORDER BY name`);
}
