/**
 * The presidency page's figures put together, and its plain sentences. Each sentence is built only from the
 * answers of the page's queries: a meeting without a participant list yields no attendance figure, a figure resting
 * on illustrative rows says so, and what the data does not hold is said as not recorded.
 */
import { PARTICIPANT_LABELS } from '$lib/charts/theme';
import type { Stage } from '$lib/data/counting-rules';
import type { ParticipantGroup } from '$lib/data/domain';
import type { AttendanceCountRow, MatrixRow, MeetingRow } from '$lib/data/queries/attendance';
import type { JoinRow, PartnersByRegionRow, PublishedCountRow } from '$lib/data/queries/expansion';
import type { CountedTotal } from '$lib/data/queries/funding';
import type { NeedsRow } from '$lib/data/queries/needs';
import type { NewStandingRow, PresidencyRow, StayedAwayRow } from '$lib/data/queries/presidency';
import { formatCount, formatMeetingDate, formatMoneyFull, formatMoneyShort, formatShare } from '$lib/format';
import { euBasisWords, meetingName } from '$lib/words';

export interface MeetingFacts {
  meeting: MeetingRow;
  /** Null where no participant list is recorded: never zero. */
  participants: number | null;
  byGroup: { group: ParticipantGroup; label: string; entities: number; names: string }[];
  /** First recorded attendance, after an earlier meeting with a list; null for the first list of all. */
  newcomers: string[] | null;
  /** Listed at the previous meeting with a list, not at this one; null where there is no earlier list. */
  away: { previous: string; names: string[] } | null;
  illustrative: boolean;
}

/** Each meeting of the year with what its participant list (if any) tells. */
export function meetingFacts(
  meetings: readonly MeetingRow[],
  counts: readonly AttendanceCountRow[],
  matrix: readonly MatrixRow[],
  away: readonly StayedAwayRow[]
): MeetingFacts[] {
  return meetings.map((meeting) => {
    const own = counts.filter((c) => c.meetingId === meeting.meetingId);
    const before = away.find((a) => a.meetingId === meeting.meetingId);
    const listed = meeting.attendanceRecorded;
    return {
      meeting,
      participants: listed ? own.reduce((sum, c) => sum + c.entities, 0) : null,
      byGroup: own.map((c) => ({
        group: c.group,
        label: PARTICIPANT_LABELS[c.group],
        entities: c.entities,
        names: c.names
      })),
      newcomers:
        listed && before
          ? matrix.filter((r) => r.meetingId === meeting.meetingId && r.newcomer).map((r) => r.name)
          : null,
      away: before
        ? {
            previous: `${before.previousCity}, ${formatMeetingDate(before.previousStart, before.previousEnd, before.previousPrecision)}`,
            names: before.names ? before.names.split(', ') : []
          }
        : null,
      illustrative: own.some((c) => c.illustrative > 0)
    };
  });
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "three", "12": small counts in words, as a sentence reads them. */
export const countWords = (n: number) => NUMBER_WORDS[n] ?? formatCount(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
/** "A", "A and B", "A, B and C". */
export const listWords = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The presidency in words: "the United States", "Germany (from June 2014 to the end of 2015)". */
export function holderWords(presidencies: readonly PresidencyRow[], year: number): string {
  if (presidencies.length === 0) return `no presidency recorded for ${year}`;
  return listWords(
    presidencies.map((p) =>
      p.period === String(year) ? nameWithArticle(p.holder) : `${nameWithArticle(p.holder)} (${p.period})`
    )
  );
}

/** "the United States", "the United Kingdom", "France". */
const nameWithArticle = (name: string) =>
  /^(United|Russian|Czech|European)\b/.test(name) ? `the ${name}` : name;

/** The meetings' sentence: how many, which have a list, and what each list tells. */
export function meetingsSentence(year: number, facts: readonly MeetingFacts[]): string {
  if (facts.length === 0)
    return `No GPWG meeting is recorded for ${year}, so no participant list is recorded either.`;
  const listed = facts.filter((f) => f.participants !== null);
  const count = `${capital(countWords(facts.length))} GPWG ${plural(facts.length, 'meeting')}`;
  if (listed.length === 0)
    return (
      `${count} (${facts.map((f) => meetingName(f.meeting)).join('; ')}); no participant list is recorded for ` +
      `${facts.length === 1 ? 'it' : 'any of them'}.`
    );
  const which =
    listed.length === facts.length ? (facts.length === 1 ? 'it' : 'each') : countWords(listed.length);
  const each = listed.map(
    (f) =>
      `${meetingName(f.meeting)}, ${formatCount(f.participants)} participants` +
      (f.newcomers === null
        ? ', the first participant list recorded'
        : `, ${countWords(f.newcomers.length)} of them first seen`) +
      (f.illustrative ? ' (partly illustrative figures)' : '')
  );
  return `${count}; a participant list is recorded for ${which}: ${each.join('; ')}.`;
}

/** Who stayed away from each listed meeting, against the previous list; null where no meeting has one before. */
export function awaySentence(facts: readonly MeetingFacts[]): string | null {
  const parts = facts
    .filter((f) => f.away !== null && f.participants !== null)
    .map((f) =>
      f.away!.names.length === 0
        ? `everyone listed at ${f.away!.previous} is listed at ${f.meeting.city} too`
        : `${countWords(f.away!.names.length)} ${plural(f.away!.names.length, 'participant')} listed at ` +
          `${f.away!.previous} ${plural(f.away!.names.length, 'is', 'are')} not listed at ${f.meeting.city}`
    );
  return parts.length ? `${capital(parts.join('; '))}.` : null;
}

/** The expansion sentence: who joined, who became observer or invitee, and the count beside the published one. */
export function expansionSentence(
  year: number,
  joins: readonly JoinRow[],
  standings: readonly NewStandingRow[],
  partners: readonly PartnersByRegionRow[],
  published: readonly PublishedCountRow[]
): string {
  const known = joins.filter((j) => j.yearKnown).flatMap((j) => j.names.split(', '));
  const confirmed = joins.filter((j) => !j.yearKnown).flatMap((j) => j.names.split(', '));
  const parts = [
    known.length
      ? `${capital(countWords(known.length))} ${plural(known.length, 'partner')} joined: ${listWords(known)}`
      : `No partner joined in ${year}`
  ];
  if (confirmed.length)
    parts.push(`${listWords(confirmed)} first confirmed as partners (the year they joined is not recorded)`);
  for (const s of standings)
    parts.push(
      `${listWords(s.names.split(', '))} became ${plural(s.count, `an ${s.status}`, `${s.status}s`)}`
    );
  const inYear = partners.filter((p) => p.year === year);
  const total = inYear.reduce((sum, p) => sum + p.known + p.yearUnknown, 0);
  const count = published.find((p) => p.year === year);
  let tally = `${formatCount(total)} partners counted that year, the EU included`;
  if (count) tally += `; the sources publish ${formatCount(count.count)} (${euBasisWords(count)})`;
  const illustrative = inYear.some((p) => p.illustrative > 0) ? ' (partly illustrative figures)' : '';
  return `${parts.join('; ')}. ${capital(tally)}${illustrative}.`;
}

/** The money sentence: what is attributed to the year at the rules' stage, and its illustrative share. */
export function fundingSentence(year: number, stage: Stage, total: CountedTotal): string {
  if (total.rows === 0 || total.amount === 0)
    return `No ${stage} money is attributed to ${year} under the counting rules below.`;
  const base = `${formatMoneyFull(total.amount)} ${stage} is attributed to ${year} under the counting rules below, from ${formatCount(total.rows)} ${plural(total.rows, 'contribution row')}`;
  if (total.illustrative <= 0) return `${base}.`;
  return (
    `${base}; ${formatShare(total.illustrative, total.amount)} of it (${formatMoneyShort(total.illustrative)}) rests ` +
    'on illustrative figures, made up to show the features and never to be quoted.'
  );
}

/** The requests sentence: those filed in the year, priced or not; none recorded said so. */
export function requestsSentence(
  year: number,
  needs: readonly (NeedsRow & { year: number | null })[]
): string {
  const row = needs.find((n) => n.year === year);
  if (!row) return `No assistance request filed in ${year} is recorded.`;
  const all = row.pricedCount + row.unpriced;
  const priced = row.pricedCount
    ? `${countWords(row.pricedCount)} priced at ${formatMoneyFull(row.priced)} in all`
    : 'none priced';
  const unpriced = row.unpriced ? `, ${countWords(row.unpriced)} not priced` : '';
  const illustrative = row.illustrative
    ? ` (${countWords(row.illustrative)} of them illustrative, made up to show the features)`
    : '';
  return `${capital(countWords(all))} assistance ${plural(all, 'request')} filed in ${year}: ${priced}${unpriced}${illustrative}.`;
}
