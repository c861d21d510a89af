/**
 * The attendance view: who came to which GPWG meeting. Its filters are in the URL, so a reload or a shared link
 * shows the same view: `?presidency=USA&from=2010&to=2013&kind=state_partner,international_org&measure=delegates`.
 * Defaults are left out of the URL; a value the view does not know falls back to its default, with a notice.
 */
import {
  ATTENDANCE_MEASURES,
  PARTICIPANT_GROUPS,
  type AttendanceMeasure,
  type ParticipantGroup
} from '$lib/data/domain';
import {
  attendanceCounts,
  attendanceFigures,
  attendanceMatrix,
  firstAppearances,
  meetingYearRange,
  meetingsInView,
  presidencyOptions,
  type AttendanceFilters
} from '$lib/data/queries/attendance';
import { ENTITY_ID, parseYear, setYears, type Parsed } from './url';
import { defineView } from './view';

export interface AttendanceView {
  filters: AttendanceFilters;
  /** Count participants (entities), or delegates where the sources give them: a drawing choice, no query. */
  measure: AttendanceMeasure;
  /** The meeting selected (a click on its bar): the matrix shows its participants alone. No query reads it. */
  meeting: string | null;
}

/** A meeting id as the contract's keys are written: nothing else is looked up. */
const MEETING_ID = /^[A-Za-z0-9_.-]{1,80}$/;

export const DEFAULT_ATTENDANCE: AttendanceFilters = {
  presidency: null,
  yearFrom: null,
  yearTo: null,
  groups: PARTICIPANT_GROUPS
};

export function parseAttendance(params: URLSearchParams): Parsed<AttendanceView> {
  const notices: string[] = [];
  let presidency = params.get('presidency');
  if (presidency !== null && !ENTITY_ID.test(presidency)) {
    notices.push(`"${presidency}" is not a presidency code; showing all presidencies.`);
    presidency = null;
  }
  let groups: readonly ParticipantGroup[] = DEFAULT_ATTENDANCE.groups;
  const kind = params.get('kind');
  if (kind !== null) {
    const asked = kind.split(',').filter(Boolean);
    const known = asked.filter((k): k is ParticipantGroup =>
      (PARTICIPANT_GROUPS as readonly string[]).includes(k)
    );
    const unknown = asked.filter((k) => !known.includes(k as ParticipantGroup));
    if (unknown.length) notices.push(`Unknown participant kind ignored: ${unknown.join(', ')}.`);
    groups = PARTICIPANT_GROUPS.filter((g) => known.includes(g));
  }
  let meeting = params.get('meeting');
  if (meeting !== null && !MEETING_ID.test(meeting)) {
    notices.push(`"${meeting}" is not a meeting id; no meeting is selected.`);
    meeting = null;
  }
  const rawMeasure = params.get('measure');
  const measure = ATTENDANCE_MEASURES.find((m) => m === rawMeasure);
  if (rawMeasure !== null && !measure)
    notices.push(`"${rawMeasure}" is not a measure; counting participants.`);
  return {
    value: {
      filters: {
        presidency: presidency || null,
        yearFrom: parseYear(params.get('from'), 'first', notices),
        yearTo: parseYear(params.get('to'), 'last', notices),
        groups
      },
      measure: measure ?? 'entities',
      meeting
    },
    notices
  };
}

export function serializeAttendance({ filters: f, measure, meeting }: AttendanceView): URLSearchParams {
  const params = new URLSearchParams();
  if (f.presidency) params.set('presidency', f.presidency);
  setYears(params, f.yearFrom, f.yearTo);
  if (f.groups.length !== PARTICIPANT_GROUPS.length) params.set('kind', f.groups.join(','));
  if (measure !== 'entities') params.set('measure', measure);
  if (meeting) params.set('meeting', meeting);
  return params;
}

/** Everything the attendance view shows. No query reads the measure: switching it redraws without a query. */
export const attendanceView = defineView<AttendanceView>({
  defaults: { filters: DEFAULT_ATTENDANCE, measure: 'entities', meeting: null },
  fromUrl: parseAttendance,
  toUrl: serializeAttendance
})({
  meetings: { reads: ['filters'], run: (db, s) => meetingsInView(db, s.filters) },
  counts: { reads: ['filters'], run: (db, s) => attendanceCounts(db, s.filters) },
  matrix: { reads: ['filters'], run: (db, s) => attendanceMatrix(db, s.filters) },
  figures: { reads: ['filters'], run: (db, s) => attendanceFigures(db, s.filters) },
  newcomers: { reads: ['filters'], run: (db, s) => firstAppearances(db, s.filters) },
  presidencies: { reads: [], run: (db) => presidencyOptions(db) },
  years: { reads: [], run: (db) => meetingYearRange(db) }
});
