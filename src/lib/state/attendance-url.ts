/**
 * The attendance view's filters in the URL, so a reload or a shared link shows the same view:
 * `?presidency=USA&from=2010&to=2013&kind=state_partner,international_org`. Defaults are left out of the URL.
 * A value the view does not know falls back to its default, with a notice for the user.
 */
import {
  PARTICIPANT_GROUPS,
  type AttendanceFilters,
  type ParticipantGroup
} from '$lib/data/queries/attendance';
import { parseYear, setYears, type Parsed } from './url-values';

export type AttendanceMeasure = 'entities' | 'delegates';

export interface AttendanceView {
  filters: AttendanceFilters;
  /** Count participants (entities), or delegates where the sources give them. */
  measure: AttendanceMeasure;
}

export const DEFAULT_ATTENDANCE: AttendanceFilters = {
  presidency: null,
  yearFrom: null,
  yearTo: null,
  groups: PARTICIPANT_GROUPS
};

const ENTITY_ID = /^[A-Z0-9]{2,12}$/;

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
  const rawMeasure = params.get('measure');
  if (rawMeasure !== null && rawMeasure !== 'delegates' && rawMeasure !== 'entities') {
    notices.push(`"${rawMeasure}" is not a measure; counting participants.`);
  }
  return {
    value: {
      filters: {
        presidency: presidency || null,
        yearFrom: parseYear(params.get('from'), 'first', notices),
        yearTo: parseYear(params.get('to'), 'last', notices),
        groups
      },
      measure: rawMeasure === 'delegates' ? 'delegates' : 'entities'
    },
    notices
  };
}

export function serializeAttendance({ filters: f, measure }: AttendanceView): URLSearchParams {
  const params = new URLSearchParams();
  if (f.presidency) params.set('presidency', f.presidency);
  setYears(params, f.yearFrom, f.yearTo);
  if (f.groups.length !== PARTICIPANT_GROUPS.length) params.set('kind', f.groups.join(','));
  if (measure !== 'entities') params.set('measure', measure);
  return params;
}
