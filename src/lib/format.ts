/** Numbers and dates as people read them in a briefing note. */

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** 12,345 */
export function formatCount(n: number): string {
  return count.format(n);
}

/** 42% */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '–' : percent.format(part / whole);
}

/** "$1.5 bn", "$750 m", "$12.3 k", "$950": short money for charts; the full figure goes in tooltips and tables. */
export function formatMoneyShort(usd: number): string {
  const abs = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  const scaled = (value: number, unit: string) =>
    `${sign}$${new Intl.NumberFormat('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (abs >= 1e9) return scaled(abs / 1e9, 'bn');
  if (abs >= 1e6) return scaled(abs / 1e6, 'm');
  if (abs >= 1e3) return scaled(abs / 1e3, 'k');
  return `${sign}$${formatCount(abs)}`;
}

/** "$1,500,000,000": the full figure. */
export function formatMoneyFull(usd: number): string {
  return `$${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(usd)}`;
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
