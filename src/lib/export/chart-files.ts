/** Everything one chart exports, assembled in the browser from the card on screen and the rows it shows. */
import { contextColumns, parquetMetadata, type ChartAbout } from './about';
import { svgToPng } from './browser';
import { composeChartSvg, serializeSvg, type LegendEntry } from './compose';
import { toCsv } from './csv';
import type { ChartFiles } from './pack';
import { toParquet } from './parquet';
import { withConstantColumns, type ExportTable } from './table';

/** The legend as the card shows it (the Legend component marks its entries with data attributes). */
function legendOf(card: HTMLElement): LegendEntry[] {
  return [...card.querySelectorAll<HTMLElement>('[data-legend-colour]')].map((item) => ({
    label: item.textContent?.trim() ?? '',
    colour: item.dataset.legendColour ?? '#888',
    hatched: item.dataset.legendHatched === 'true'
  }));
}

export function chartImage(card: HTMLElement, about: ChartAbout) {
  const chart = card.querySelector<SVGSVGElement>('.plot svg');
  if (!chart) throw new Error('The chart is not drawn yet; try again in a moment.');
  const svg = composeChartSvg(chart, about, legendOf(card), document);
  return {
    svg: serializeSvg(svg),
    width: Number(svg.getAttribute('width')),
    height: Number(svg.getAttribute('height'))
  };
}

export const chartCsv = (table: ExportTable, about: ChartAbout) =>
  toCsv(withConstantColumns(table, contextColumns(about)));

export const chartParquet = (table: ExportTable, about: ChartAbout) =>
  toParquet(table, parquetMetadata(about));

export async function chartFiles(
  card: HTMLElement,
  about: ChartAbout,
  table: ExportTable
): Promise<ChartFiles> {
  const data = { about, csv: chartCsv(table, about), parquet: chartParquet(table, about) };
  // A card that is a table has no image: its rows are its figure.
  if (!card.querySelector('.plot')) return data;
  const image = chartImage(card, about);
  return { ...data, svg: image.svg, png: await svgToPng(image.svg, image.width, image.height, 2, '#ffffff') };
}
