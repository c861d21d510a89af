/**
 * Numbers and dates as people read them in a briefing note. A number that is not one (null, NaN, ±Infinity) is
 * said "not recorded", never printed as NaN or drawn as zero.
 */

export const NOT_RECORDED = 'not recorded';
const isNumber = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** 12,345 */
export function formatCount(n: number | null | undefined): string {
  return isNumber(n) ? count.format(n) : NOT_RECORDED;
}

/**
 * 42%; a share that rounds to 0% or 100% without being so says "< 1%" or "> 99%". With nothing to divide by it
 * says so, in the caller's words (`nothing`).
 */
export function formatShare(part: number, whole: number, nothing = 'nothing to compare with'): string {
  if (!isNumber(part) || !isNumber(whole)) return NOT_RECORDED;
  if (whole === 0) return nothing;
  const share = part / whole;
  if (share > 0 && share < 0.005) return '< 1%';
  if (share > 0.995 && share < 1) return '> 99%';
  return percent.format(share);
}

/** "$1.5 bn", "$750 m", "$12.3 k", "$950": short money for charts; the full figure goes in tooltips and tables. */
export function formatMoneyShort(usd: number | null | undefined): string {
  if (!isNumber(usd)) return NOT_RECORDED;
  const abs = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  const scaled = (value: number, unit: string) =>
    `${sign}$${new Intl.NumberFormat('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (abs >= 1e9) return scaled(abs / 1e9, 'bn');
  if (abs >= 1e6) return scaled(abs / 1e6, 'm');
  if (abs >= 1e3) return scaled(abs / 1e3, 'k');
  return `${sign}$${formatCount(abs)}`;
}

/** "$1,500,000,000" (and "−$2,065,000,000"): the full figure. */
export function formatMoneyFull(usd: number | null | undefined): string {
  if (!isNumber(usd)) return NOT_RECORDED;
  const full = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.abs(usd));
  return `${usd < 0 && Math.round(usd) !== 0 ? '−' : ''}$${full}`;
}

/** "Sources: Arms Control Today (2013); U.S. Department of State (2004, 2012)." for the line under a chart. */
export function sourceLine(
  sources: readonly { publisher: string | null; title: string; published: string | null }[]
) {
  const byPublisher = new Map<string, Set<string>>();
  for (const s of sources) {
    const who = s.publisher ?? s.title;
    const years = byPublisher.get(who) ?? new Set<string>();
    if (s.published) years.add(s.published.slice(0, 4));
    byPublisher.set(who, years);
  }
  const parts = [...byPublisher].map(([who, years]) =>
    years.size ? `${who} (${[...years].sort().join(', ')})` : who
  );
  return parts.length ? `Sources: ${parts.join('; ')}.` : 'Sources: none recorded.';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A meeting's dates, as precise as the source: "Oct 2010" for a month, "17-18 Apr 2012", "30 Sep - 1 Oct 2015",
 * "10 Oct 2011". Dates are ISO strings; no time zone is involved.
 */
export function formatMeetingDate(start: string, end: string, precision: 'day' | 'month' | 'year'): string {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  const month = (m: number) => MONTHS[m - 1]!;
  if (precision === 'year') return String(y1);
  if (precision === 'month') return `${month(m1)} ${y1}`;
  if (start === end) return `${d1} ${month(m1)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${month(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y1}`;
  return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
}

/** A moment as its day in the reader's own calendar: "30 Nov 2026". */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
