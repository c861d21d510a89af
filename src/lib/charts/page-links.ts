/**
 * A participant's name on a chart's axis opens its page. The page gives the address (`pageOf`, with the site's
 * base path); a chart, still a pure function of its rows, wraps each tick label whose key has a page in a link.
 * For a pointer only: a keyboard and a screen reader reach the same pages through the names in the card's table.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** The address of a participant's page, or null where a key is none (the "Other partners" bar). */
export type PageOf = (key: string) => string | null;

/** Tooltips say where the page is: "Open Canada's page: its name on the axis". */
export const openPageWords = (name: string) => `Open ${name}'s page: its name on the axis`;

/** Wraps the labels of `axis` (in the order of `keys`, the scale's domain) in links to the keys' pages. */
export function linkAxisLabels(
  chart: Element,
  axis: 'y' | 'fy',
  keys: readonly string[],
  names: (key: string) => string,
  pageOf: PageOf
): void {
  const labels = chart.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`);
  labels.forEach((text, i) => {
    const key = keys[i];
    const href = key === undefined ? null : pageOf(key);
    if (!href) return;
    const link = chart.ownerDocument.createElementNS(SVG, 'a');
    link.setAttribute('href', href);
    link.setAttribute('tabindex', '-1');
    link.setAttribute('aria-hidden', 'true');
    link.setAttribute('class', 'page-link');
    const title = chart.ownerDocument.createElementNS(SVG, 'title');
    title.textContent = `Open ${names(key!)}'s page`;
    text.replaceWith(link);
    link.append(title, text);
  });
}
