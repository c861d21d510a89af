/**
 * The attendance view's rows reshaped for its cards: the scope in words, the source line of the meetings shown,
 * the headline figures, a table cell per meeting and group, and the matrix's cells. Pure, so tests pin them.
 */
import { CAPACITY_LABELS, PARTICIPANT_LABELS } from '$lib/charts/theme';
import { PARTICIPANT_GROUPS, type AttendanceMeasure } from '$lib/data/domain';
import type {
  AttendanceCountRow,
  AttendanceFigures,
  AttendanceFilters,
  FirstAppearanceRow,
  MatrixRow,
  MeetingRow,
  PresidencyOption
} from '$lib/data/queries/attendance';
import { formatCount } from '$lib/format';
import { meetingName, yearsWords } from '$lib/words';

/** "USA presidency; 2010–2013; states (partners), international organisations". */
export function attendanceScope(
  f: AttendanceFilters,
  presidencies: readonly PresidencyOption[] | undefined
): string {
  const shown = PARTICIPANT_GROUPS.filter((g) => f.groups.includes(g));
  const presidency = presidencies?.find((p) => p.presidency === f.presidency)?.name ?? f.presidency;
  return [
    f.presidency ? `${presidency} presidency` : 'All presidencies',
    yearsWords(f.yearFrom, f.yearTo),
    shown.length === PARTICIPANT_GROUPS.length
      ? 'all participants'
      : shown.map((g) => PARTICIPANT_LABELS[g].toLowerCase()).join(', ') || 'no participants'
  ].join('; ');
}

/** "Sources: A; B." from the meetings' own sources, or nothing when there are none. */
export function meetingSourceLine(meetings: readonly MeetingRow[]): string | undefined {
  const titles = [...new Set(meetings.map((m) => m.sourceTitle))];
  return titles.length ? `Sources: ${titles.join('; ')}.` : undefined;
}

/** The headline figures, with one "first seen" figure per meeting that had newcomers. */
export function attendanceFigureItems(
  f: AttendanceFigures,
  newcomers: readonly FirstAppearanceRow[],
  meetings: readonly MeetingRow[]
) {
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  return [
    {
      label: 'Meetings with a participant list',
      value: formatCount(f.meetingsRecorded),
      note: `of ${formatCount(f.meetingsInView)} meetings in view; the others are not recorded`
    },
    {
      label: 'Distinct participants',
      value: formatCount(f.distinctParticipants),
      note: 'at the recorded meetings'
    },
    { label: 'States', value: formatCount(f.states) },
    { label: 'International organisations', value: formatCount(f.internationalOrgs) },
    ...newcomers.map((n) => {
      const meeting = byId.get(n.meetingId);
      return {
        label: `First seen: ${meeting ? meetingName(meeting) : n.meetingId}`,
        value: formatCount(n.newcomers),
        note: n.names
      };
    })
  ];
}

/** The sources behind the attendance chart: the meetings' own and every participation row's. */
export function attendanceSourceTitles(
  meetings: readonly MeetingRow[],
  counts: readonly AttendanceCountRow[]
) {
  return [
    ...new Set([...meetings.map((m) => m.sourceTitle), ...counts.flatMap((c) => c.sources.split('; '))])
  ];
}

/** One meeting and group (or all groups) in the table: a number, or "not recorded" where no list is known. */
export function attendanceCell(
  m: MeetingRow,
  rows: readonly AttendanceCountRow[],
  group: string | null,
  measure: AttendanceMeasure
): string {
  if (!m.attendanceRecorded) return 'not recorded';
  const of = rows.filter((r) => r.meetingId === m.meetingId && (group === null || r.group === group));
  const value = of.reduce((s, r) => s + (measure === 'entities' ? r.entities : r.delegatesKnown), 0);
  const unknown = of.reduce((s, r) => s + r.delegatesUnknown, 0);
  return measure === 'delegates' && unknown > 0
    ? `${formatCount(value)} (${formatCount(unknown)} not counted)`
    : formatCount(value);
}

/** One participant at one meeting in the matrix's table: its capacity, "—" if absent, or "not recorded". */
export function matrixCell(m: MeetingRow, rows: readonly MatrixRow[], entityId: string): string {
  if (!m.attendanceRecorded) return 'not recorded';
  const r = rows.find((x) => x.entityId === entityId && x.meetingId === m.meetingId);
  return r ? CAPACITY_LABELS[r.capacity] + (r.newcomer ? ' (new)' : '') : '—';
}

/** The matrix of one meeting's participants (every meeting they came to), or everyone's when none is selected. */
export function participantsOf(matrix: readonly MatrixRow[], meeting: string | null): readonly MatrixRow[] {
  if (meeting === null) return matrix;
  const came = new Set(matrix.filter((r) => r.meetingId === meeting).map((r) => r.entityId));
  return matrix.filter((r) => came.has(r.entityId));
}
