/**
 * Marks a reader can select (a partner's bar, a country): a chart, a pure function of its rows, makes each such
 * mark a link to `#select:<key>`; the page that shows it turns those into real addresses of the view with the
 * selection made (PlotChart's `linkTo`), and keeps them current as the view's state changes, without redrawing.
 * Links, so a click, Enter on a focused mark, and a screen reader all select the same way.
 */
const PREFIX = '#select:';

/** The placeholder address of a selectable mark. */
export const selectHref = (key: string) => PREFIX + encodeURIComponent(key);

/** The key a placeholder address stands for, or null for any other address. */
export const keyOfHref = (href: string | null) =>
  href?.startsWith(PREFIX) ? decodeURIComponent(href.slice(PREFIX.length)) : null;

/** Gives every selectable mark in `root` its address (once a chart is drawn, and whenever the view changes). */
export function linkMarks(root: Element, linkTo: (key: string) => string): void {
  for (const a of root.querySelectorAll<SVGAElement | HTMLAnchorElement>('a')) {
    const key = a.dataset.selectKey ?? keyOfHref(a.getAttribute('href'));
    if (key === null || key === undefined) continue;
    a.dataset.selectKey = key;
    a.setAttribute('href', linkTo(key));
  }
}

/**
 * An interactive chart is a group, not one image: its selectable marks are for assistive technology, each a link
 * with its name; every other part of it (axes, tooltips, marks without links) is scenery, hidden from it.
 */
export function exposeLinksOnly(chart: Element): void {
  for (const g of chart.querySelectorAll('g[aria-label]')) {
    if (g.querySelector('a:not([aria-hidden="true"])')) g.setAttribute('role', 'group');
    else {
      g.removeAttribute('aria-label');
      g.setAttribute('aria-hidden', 'true');
    }
  }
}
