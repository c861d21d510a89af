/**
 * Attendance per GPWG meeting in date order, stacked by kind of participant. A meeting without a participant list
 * is a hatched, labelled gap ("not recorded"), never a zero bar.
 */
import * as Plot from '@observablehq/plot';
import type { AttendanceCountRow, MeetingRow } from '$lib/data/queries/attendance';
import type { AttendanceMeasure } from '$lib/data/domain';
import { PARTICIPANT_GROUPS } from '$lib/data/domain';
import { formatCount } from '$lib/format';
import { meetingName } from '$lib/words';
import { meetingScale } from './meeting-axis';
import { CHART_FONT, COLORS, PARTICIPANT_LABELS, addHatches, hatchId } from './theme';
import { drawable } from './drawable';
import { oneStopPerKey, selectHref } from './select-links';

export interface AttendanceChartOptions {
  width: number;
  id: string;
  measure: AttendanceMeasure;
  /** Each meeting with a list is a selectable mark (select-links.ts). */
  selectable?: boolean;
  /** The selected meeting: its bar in full, the others faded. */
  selected?: string | null;
  document?: Document;
}

interface Bar extends AttendanceCountRow {
  value: number;
  label: string;
}

interface Gap {
  meetingId: string;
  text: string;
  tip: string;
}

/** Stacked bars, and the gaps: meetings (or, for delegates, parts of meetings) with nothing recorded. */
export function attendanceMarks(
  meetings: readonly MeetingRow[],
  counts: readonly AttendanceCountRow[],
  measure: AttendanceMeasure
): { bars: Bar[]; gaps: Gap[]; unknownDelegates: Map<string, number> } {
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  const bars: Bar[] = [];
  const unknownDelegates = new Map<string, number>();
  for (const c of counts) {
    const meeting = byId.get(c.meetingId);
    if (!meeting) continue;
    const value = measure === 'entities' ? c.entities : c.delegatesKnown;
    if (measure === 'delegates' && c.delegatesUnknown > 0) {
      unknownDelegates.set(c.meetingId, (unknownDelegates.get(c.meetingId) ?? 0) + c.delegatesUnknown);
    }
    if (value === 0) continue;
    const unit = measure === 'entities' ? 'participants' : 'delegates';
    const label =
      `${meetingName(meeting)}\n${PARTICIPANT_LABELS[c.group]}: ${formatCount(value)} ${unit}\n${c.names}` +
      (c.illustrative > 0 ? `\nIncludes illustrative data` : '') +
      `\nSource: ${c.sources}`;
    bars.push({ ...c, value, label });
  }
  const gaps: Gap[] = meetings
    .filter(
      (m) =>
        !m.attendanceRecorded || (measure === 'delegates' && !bars.some((b) => b.meetingId === m.meetingId))
    )
    .map((m) => ({
      meetingId: m.meetingId,
      text: m.attendanceRecorded ? 'delegates not recorded' : 'not recorded',
      tip:
        `${meetingName(m)}: ${m.attendanceRecorded ? 'the source gives no delegate numbers' : 'no participant list is known'}` +
        (m.attendanceNote ? `\n${m.attendanceNote}` : '') +
        `\nSource: ${m.sourceTitle}`
    }));
  return { bars, gaps, unknownDelegates };
}

export function buildAttendanceChart(
  meetings: readonly MeetingRow[],
  counts: readonly AttendanceCountRow[],
  { width, id, measure, selectable, selected, document }: AttendanceChartOptions
): Element {
  const { bars, gaps, unknownDelegates } = attendanceMarks(
    meetings,
    drawable(counts, ['entities', 'delegatesKnown', 'delegatesUnknown', 'illustrative']),
    measure
  );
  const totals = new Map<string, number>();
  for (const b of bars) totals.set(b.meetingId, (totals.get(b.meetingId) ?? 0) + b.value);
  const top = Math.max(5, ...totals.values());
  const groups = PARTICIPANT_GROUPS.filter((g) => bars.some((b) => b.group === g));
  const unit = measure === 'entities' ? 'Participants' : 'Delegates (where known)';
  const chart = Plot.plot({
    document,
    width,
    height: 380,
    marginLeft: 44,
    marginBottom: 56,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: COLORS.ink },
    ariaLabel: `GPWG attendance per meeting: ${unit.toLowerCase()} by kind of participant`,
    ariaDescription: `${meetings.length} meetings, ${gaps.length} without a record.`,
    x: meetingScale(meetings, 0.25),
    y: { label: unit, grid: true, domain: [0, top * 1.08], nice: true },
    color: {
      domain: PARTICIPANT_GROUPS.map((g) => PARTICIPANT_LABELS[g]),
      range: PARTICIPANT_GROUPS.map((g) => COLORS.participant[g])
    },
    marks: [
      // The gaps: a hatched band the height of the chart, labelled in words.
      Plot.barY(gaps, {
        x: 'meetingId',
        y1: 0,
        y2: top * 1.08,
        fill: `url(#${hatchId(id, 'gap')})`,
        title: 'tip',
        className: 'gap',
        ariaLabel: (g: Gap) => g.tip
      }),
      Plot.text(gaps, {
        x: 'meetingId',
        y: top * 0.54,
        text: 'text',
        rotate: -90,
        fill: COLORS.muted,
        fontSize: 12,
        ariaHidden: 'true'
      }),
      Plot.barY(
        bars,
        Plot.stackY({
          x: 'meetingId',
          y: 'value',
          fill: (b: Bar) => PARTICIPANT_LABELS[b.group],
          // Illustrative rows keep their colour, faded; the tooltip and the card say so in words.
          fillOpacity: (b: Bar) =>
            (b.illustrative > 0 ? 0.45 : 1) * (selected && b.meetingId !== selected ? 0.3 : 1),
          order: groups.map((g) => PARTICIPANT_LABELS[g]),
          z: 'group',
          title: 'label',
          tip: { fontSize: 12, lineHeight: 1.3 },
          className: 'attendance',
          ariaLabel: (b: Bar) =>
            b.label.split('\n').slice(0, 2).join(': ') +
            (selectable
              ? b.meetingId === selected
                ? ' (selected; select again to clear)'
                : '; select to see its participants'
              : ''),
          ...(selectable ? { href: (b: Bar) => selectHref(b.meetingId) } : {})
        })
      ),
      Plot.text([...totals], {
        x: ([meetingId]: [string, number]) => meetingId,
        y: ([, total]: [string, number]) => total,
        text: ([meetingId, total]: [string, number]) =>
          formatCount(total) +
          (unknownDelegates.get(meetingId) ? ` (+${unknownDelegates.get(meetingId)} not counted)` : ''),
        dy: -8,
        fill: COLORS.ink,
        fontWeight: 600,
        ariaHidden: 'true'
      }),
      Plot.ruleY([0], { ariaHidden: 'true' })
    ]
  });
  addHatches(chart, id, { gap: COLORS.notRecorded }, { light: true });
  if (selectable) oneStopPerKey(chart.querySelectorAll('g.attendance a'));
  return chart;
}

/**
 * The rows the chart shows, for export: one per meeting and kind of participant, and one per meeting without a
 * participant list (its counts left empty: not recorded, not zero).
 */
export function attendanceExportRows(
  meetings: readonly MeetingRow[],
  counts: readonly AttendanceCountRow[]
): Record<string, unknown>[] {
  return meetings.flatMap((m): Record<string, unknown>[] => {
    const meeting = {
      meetingId: m.meetingId,
      dateStart: m.dateStart,
      city: m.city,
      presidency: m.presidencyName,
      attendanceRecorded: m.attendanceRecorded
    };
    if (!m.attendanceRecorded)
      return [{ ...meeting, attendanceNote: m.attendanceNote, sources: m.sourceTitle }];
    return counts
      .filter((c) => c.meetingId === m.meetingId)
      .map(({ meetingId: _, ...c }) => ({ ...meeting, ...c }));
  });
}
