/**
 * A chart as a self-contained image: the chart's SVG framed by its title, the filters (and rules) in words,
 * its legend, the sources, the export date and, when it applies, the illustrative-data note. Pure DOM work,
 * so the same function runs in the browser and in tests; all text goes in as text nodes, never as markup.
 */
import { ILLUSTRATIVE_NOTE, type ChartAbout } from './about';

export interface LegendEntry {
  label: string;
  colour: string;
  hatched: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 24;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#1b1e23';
const MUTED = '#5b6470';

/** Splits text into lines of about `width` pixels at `size` px (average glyph ~0.55 em). */
function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(20, Math.floor(width / (size * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function composeChartSvg(
  chart: SVGSVGElement,
  about: ChartAbout,
  legend: readonly LegendEntry[],
  doc: Document
): SVGSVGElement {
  const chartWidth = Number(chart.getAttribute('width')) || 640;
  const chartHeight = Number(chart.getAttribute('height')) || 400;
  const width = chartWidth + 2 * PAD;
  const inner = width - 2 * PAD;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-family', FONT);
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const defs = el('defs', {});
  svg.append(defs);

  let y = PAD;
  const textBlock = (text: string, size: number, attrs: Record<string, string | number> = {}) => {
    for (const line of wrap(text, inner, size)) {
      y += size * 1.3;
      svg.append(el('text', { x: PAD, y, 'font-size': size, fill: INK, ...attrs }, line));
    }
  };

  textBlock(about.title, 20, { 'font-weight': 700, class: 'export-title' });
  y += 4;
  textBlock(about.subtitle, 13, { fill: MUTED, class: 'export-subtitle' });

  if (legend.length) {
    y += 24;
    let x = PAD;
    legend.forEach((item, i) => {
      const labelWidth = item.label.length * 12 * 0.55 + 34;
      if (x > PAD && x + labelWidth > PAD + inner) {
        x = PAD;
        y += 20;
      }
      let fill = item.colour;
      if (item.hatched) {
        const id = `export-hatch-${i}`;
        const pattern = el('pattern', {
          id,
          width: 5,
          height: 5,
          patternUnits: 'userSpaceOnUse',
          patternTransform: 'rotate(45)'
        });
        pattern.append(
          el('rect', { width: 5, height: 5, fill: '#fff' }),
          el('rect', { width: 2, height: 5, fill: item.colour })
        );
        defs.append(pattern);
        fill = `url(#${id})`;
      }
      svg.append(el('rect', { x, y: y - 10, width: 12, height: 12, fill, stroke: item.colour }));
      svg.append(el('text', { x: x + 18, y, 'font-size': 12, fill: INK }, item.label));
      x += labelWidth;
    });
  }

  y += 16;
  const placed = chart.cloneNode(true) as SVGSVGElement;
  placed.setAttribute('x', String(PAD));
  placed.setAttribute('y', String(y));
  placed.setAttribute('width', String(chartWidth));
  placed.setAttribute('height', String(chartHeight));
  placed.removeAttribute('aria-hidden');
  // On screen, long axis labels may run into the card's padding; keep them whole in the image too.
  placed.setAttribute('overflow', 'visible');
  svg.append(placed);
  y += chartHeight + 8;

  if (about.illustrative) {
    y += 6;
    textBlock(ILLUSTRATIVE_NOTE, 13, { 'font-weight': 700, class: 'export-illustrative' });
  }
  if (about.sourcesLine) textBlock(about.sourcesLine, 11, { fill: MUTED, class: 'export-sources' });
  textBlock(`Exported ${about.exportedAt} from GP Dashboard; data: ${about.data}. View: ${about.link}`, 11, {
    fill: MUTED,
    class: 'export-date'
  });
  y += PAD;

  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(Math.ceil(y)));
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(y)}`);
  return svg;
}

export function serializeSvg(svg: SVGSVGElement): string {
  const Serializer = svg.ownerDocument.defaultView?.XMLSerializer ?? XMLSerializer;
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new Serializer().serializeToString(svg);
}
