/** A view's report pack: every chart as SVG, PNG, CSV and Parquet, and SOURCES.md, in one zip (fflate). */
import { strToU8, zipSync } from 'fflate';
import { sourcesMarkdown, type ChartAbout } from './about';

export interface ChartFiles {
  about: ChartAbout;
  /** Absent for a card that is a table (its rows are its figure). */
  svg?: string;
  png?: Uint8Array;
  csv: string;
  parquet: Uint8Array;
}

export function reportPack(view: string, charts: readonly ChartFiles[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'SOURCES.md': strToU8(
      sourcesMarkdown(
        view,
        charts.map((c) => c.about)
      )
    )
  };
  for (const chart of charts) {
    if (chart.svg) files[`${chart.about.id}.svg`] = strToU8(chart.svg);
    if (chart.png) files[`${chart.about.id}.png`] = chart.png;
    files[`${chart.about.id}.csv`] = strToU8(chart.csv);
    files[`${chart.about.id}.parquet`] = chart.parquet;
  }
  // PNG and Parquet are compressed already; zipping them again only costs time.
  return zipSync(files, {
    level: 6,
    mtime: new Date(`${charts[0]?.about.exportedAt ?? '2000-01-01'}T12:00:00Z`)
  });
}
