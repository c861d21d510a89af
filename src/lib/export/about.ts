/**
 * What an exported chart says about itself: title, filters and rules in words, sources, date, illustrative
 * note, and the link that reproduces the view. The same facts go into the image, the data files and the pack.
 */
export interface SourceRef {
  title: string;
  url: string | null;
  kind: 'seed' | 'cited' | 'illustrative';
  publisher: string | null;
}

export interface ChartAbout {
  /** The card's id, the stem of every file of this chart. */
  id: string;
  title: string;
  /** Units, active filters and (funding) the counting rules, in words. */
  subtitle: string;
  /** The counting rules in words, for funding charts. */
  rules?: string;
  /** The source line as the card shows it. */
  sourcesLine?: string;
  /** The sources behind the plotted rows. */
  sources: SourceRef[];
  illustrative: boolean;
  /** YYYY-MM-DD */
  exportedAt: string;
  /** The data it was made from: the sample and its date, or the loaded files, load time and fingerprint. */
  data: string;
  /** The URL that reproduces the view, its filters and rules (and names the data's fingerprint). */
  link: string;
}

export const ILLUSTRATIVE_NOTE =
  'Includes illustrative data: figures made up to show the features, not real; marked in the chart.';

/** Context columns that let a CSV stand on its own in a spreadsheet. */
export function contextColumns(about: ChartAbout): Record<string, string | boolean> {
  return {
    chart_title: about.title,
    chart_subtitle: about.subtitle,
    ...(about.rules ? { counting_rules: about.rules } : {}),
    chart_sources: about.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; '),
    chart_includes_illustrative: about.illustrative,
    exported_at: about.exportedAt,
    data: about.data,
    view_link: about.link
  };
}

/** Parquet key-value metadata: the same context, values as text (JSON for the sources). */
export function parquetMetadata(about: ChartAbout): Record<string, string> {
  return {
    'gp_dashboard.title': about.title,
    'gp_dashboard.subtitle': about.subtitle,
    ...(about.rules ? { 'gp_dashboard.counting_rules': about.rules } : {}),
    'gp_dashboard.sources': JSON.stringify(about.sources),
    'gp_dashboard.includes_illustrative': String(about.illustrative),
    ...(about.illustrative ? { 'gp_dashboard.illustrative_note': ILLUSTRATIVE_NOTE } : {}),
    'gp_dashboard.exported_at': about.exportedAt,
    'gp_dashboard.data': about.data,
    'gp_dashboard.link': about.link
  };
}

/** Markdown text is user data: keep it from being read as markup. */
const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

/** SOURCES.md of a report pack: every cited source with its URL, the rules, and what each chart shows. */
export function sourcesMarkdown(view: string, charts: readonly ChartAbout[]): string {
  const sources = new Map<string, SourceRef>();
  for (const chart of charts) for (const s of chart.sources) sources.set(s.title, s);
  const rules = [...new Set(charts.map((c) => c.rules).filter(Boolean))];
  const lines = [
    `# GP Dashboard: ${md(view)}`,
    '',
    `Exported ${charts[0]?.exportedAt ?? ''} from GP Dashboard, in the browser, from ${md(charts[0]?.data ?? '')}. Link to the view: <${charts[0]?.link ?? ''}>`,
    '',
    '## Sources',
    '',
    ...[...sources.values()]
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(
        (s) =>
          `- ${md(s.title)}${s.publisher ? `, ${md(s.publisher)}` : ''} (${s.kind})${s.url ? `: <${s.url}>` : ''}`
      ),
    ''
  ];
  if (rules.length) lines.push('## Counting rules', '', ...rules.map((r) => `- ${md(r!)}`), '');
  lines.push('## Charts', '');
  for (const chart of charts) {
    lines.push(`### ${md(chart.title)}`, '', md(chart.subtitle), '');
    lines.push(
      `Files: \`${chart.id}.svg\`, \`${chart.id}.png\`, \`${chart.id}.csv\`, \`${chart.id}.parquet\``,
      ''
    );
    if (chart.illustrative) lines.push(`**${ILLUSTRATIVE_NOTE}**`, '');
  }
  return lines.join('\n');
}
