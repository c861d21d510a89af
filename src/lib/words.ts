/**
 * Data said in words, for charts, tables and figures alike: a meeting's name, an area's coverage, a change of
 * money, a year's joins. Pure functions of rows, so views and charts share them and tests pin them.
 */
import type { MeetingRow } from '$lib/data/queries/attendance';
import type { EndRow, JoinRow, PublishedCountRow } from '$lib/data/queries/expansion';
import type { NeedsRow } from '$lib/data/queries/needs';
import type { LoadStatus } from '$lib/data/load';
import { formatCount, formatMeetingDate, formatMoneyShort, formatShare } from '$lib/format';

/** A year filter in words: "2005–2012", "2005–last", "first–2012", or "all years". */
export function yearsWords(from: number | null, to: number | null): string {
  return from || to ? `${from ?? 'first'}–${to ?? 'last'}` : 'all years';
}

/** A meeting's dates, as precise as the sources give them. */
export function meetingDate(m: MeetingRow): string {
  return formatMeetingDate(m.dateStart, m.dateEnd, m.datePrecision);
}

/** A meeting in one line, for a tooltip or a table: "Paris, 10 Oct 2011". */
export function meetingName(m: MeetingRow): string {
  return `${m.city}, ${meetingDate(m)}`;
}

/** "+$3 bn", "−$800 m", "no change". */
export function signedMoney(usd: number): string {
  if (!Number.isFinite(usd)) return formatMoneyShort(usd);
  return usd === 0 ? 'no change' : `${usd > 0 ? '+' : '−'}${formatMoneyShort(Math.abs(usd))}`;
}

/** What an area's needs say beside its money: coverage where needs are priced, else the count not priced. */
export function needsNote(counted: number, needs: NeedsRow | undefined): string {
  if (!needs) return 'no needs recorded';
  const parts: string[] = [];
  if (needs.priced > 0) parts.push(`${formatShare(counted, needs.priced)} of priced needs`);
  if (needs.unpriced > 0) parts.push(`${formatCount(needs.unpriced)} not priced`);
  return parts.join('; ') || 'no needs recorded';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const REGION_ADJECTIVES: Record<string, string> = {
  Europe: 'European',
  Americas: 'American',
  Asia: 'Asian',
  Oceania: 'Oceanian',
  Africa: 'African'
};

/** "2003: six European states", "2012: Kazakhstan, Mexico", "by 2020 (year unknown): Chile, ...". */
export function joinLabel(j: JoinRow): string {
  const when = j.yearKnown ? String(j.year) : `by ${j.year} (join year unknown)`;
  if (j.partners <= 4) return `${when}: ${j.names}`;
  const count = NUMBER_WORDS[j.partners] ?? formatCount(j.partners);
  const adjective = REGION_ADJECTIVES[j.regions];
  return `${when}: ${count} ${adjective ? `${adjective} states` : 'partners'} (${j.names})`;
}

/** "2020: Russian Federation, not listed by 2020 (end year unknown)", "2015: Ruritania, no longer a partner". */
export function endLabel(e: EndRow): string {
  return e.endKnown
    ? `${e.year}: ${e.names}, no longer a partner`
    : `${e.year}: ${e.names}, not listed by ${e.year} (end year unknown)`;
}

/** Whether a published count counts the EU, in words. */
export function euBasisWords(p: PublishedCountRow): string {
  return { yes: 'counts the EU', no: 'does not count the EU', unknown: 'EU basis not stated' }[p.includesEu];
}

/** A published count against the count here: "the same", "2 more than counted here", "1 fewer than counted here". */
export function publishedDifference(p: PublishedCountRow): string {
  const d = p.count - p.counted;
  if (d === 0) return 'the same';
  return `${formatCount(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} than counted here`;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** How much of a file a load has read: "12.5 of 48.0 MB · 250,000 rows" (either part when only it is known). */
export function loadAmounts(status: LoadStatus): string {
  const parts: string[] = [];
  const { bytes, rows } = status;
  if (bytes) {
    parts.push(
      bytes.done >= bytes.total
        ? `${megabytes(bytes.total)} MB`
        : `${megabytes(bytes.done)} of ${megabytes(bytes.total)} MB`
    );
  }
  if (rows !== undefined) parts.push(`${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`);
  return parts.join(' · ');
}

/** A money mark's largest contribution and how many more are behind it: "Largest: X; and 1,233 more rows". */
export function largestWords(m: { labels: string; rows: number }): string {
  const more = m.rows - 1;
  return (
    `Largest: ${m.labels}` +
    (more > 0 ? `; and ${formatCount(more)} more ${more === 1 ? 'row' : 'rows'}` : '')
  );
}

/**
 * The needs a chart cannot place, said under it: "16 requests with no area recorded (none priced): in the totals,
 * in no area." Nothing when every need in view has one.
 */
export function unplacedNeeds(needs: NeedsRow | undefined, what: 'area' | 'year'): string | null {
  if (!needs) return null;
  const count = needs.pricedCount + needs.unpriced;
  if (count === 0) return null;
  const priced =
    needs.pricedCount === 0
      ? 'none priced'
      : `${formatCount(needs.pricedCount)} priced, ${formatMoneyShort(needs.priced)}; ${formatCount(needs.unpriced)} not priced`;
  return `${formatCount(count)} ${count === 1 ? 'request' : 'requests'} with no ${what} recorded (${priced}): in the totals, in no ${what}.`;
}
