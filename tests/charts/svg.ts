/** Renders pure chart functions in jsdom and normalises their SVG so snapshots compare across machines. */
import { JSDOM } from 'jsdom';

export function chartDocument(): Document {
  return new JSDOM('<!doctype html><html><body></body></html>').window.document;
}

/** Rounds numbers to 1 decimal and renumbers Plot's generated class names, as Plot's own tests do. */
export function normaliseSvg(element: Element): string {
  const classes = new Map<string, string>();
  return element.outerHTML
    .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/plot-[0-9a-f]{6}/g, (c) => {
      if (!classes.has(c)) classes.set(c, `plot-${classes.size}`);
      return classes.get(c)!;
    })
    .replace(/></g, '>\n<');
}
