/** How a meeting is named on an axis: city, dates as precise as known, presidency. */
import type { MeetingRow } from '$lib/data/queries/attendance';
import { meetingDate } from '$lib/words';

/** Three lines for an axis tick: city, date, presidency. */
export function meetingTick(m: MeetingRow): string {
  return `${m.city.split(',')[0]}\n${meetingDate(m)}\n${m.presidencyName} ${m.presidencyYear}`;
}

/** A band scale of meetings in the order given, each tick labelled city / date / presidency. */
export function meetingScale(meetings: readonly MeetingRow[], padding: number) {
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  return {
    type: 'band' as const,
    domain: meetings.map((m) => m.meetingId),
    tickFormat: (meetingId: string) => (byId.has(meetingId) ? meetingTick(byId.get(meetingId)!) : meetingId),
    label: null,
    padding
  };
}
