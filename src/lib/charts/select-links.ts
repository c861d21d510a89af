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

/**
 * A keyboard stops once per key: the first of `anchors` with each address stays in the tab order; the others
 * stay links for a pointer, out of the tab order and the accessibility tree.
 */
export function oneStopPerKey(anchors: Iterable<Element>): void {
  const stops = new Set<string | null>();
  for (const a of anchors) {
    const href = a.getAttribute('href');
    if (!stops.has(href)) stops.add(href);
    else {
      a.setAttribute('tabindex', '-1');
      a.setAttribute('aria-hidden', 'true');
    }
  }
}

/**
 * Gives every selectable mark in `root` its address (once a chart is drawn, and whenever the view changes). A
 * selection changes the view shown, as a filter does: the history entry is replaced, the page keeps its scroll
 * and the focus (SvelteKit's link options).
 */
export function linkMarks(root: Element, linkTo: (key: string) => string): void {
  for (const a of root.querySelectorAll<SVGAElement | HTMLAnchorElement>('a')) {
    const key = a.dataset.selectKey ?? keyOfHref(a.getAttribute('href'));
    if (key === null || key === undefined) continue;
    a.dataset.selectKey = key;
    a.setAttribute('href', linkTo(key));
    for (const option of ['replacestate', 'noscroll', 'keepfocus'])
      a.setAttribute(`data-sveltekit-${option}`, '');
  }
}

/**
 * An interactive chart is a group, not one image: assistive technology meets its parts, each selectable mark a
 * link with its name. Plot names its parts (`aria-label` on each group of marks, and on marks); a name needs a
 * role, so each named group is a group and each named mark that is no link is an image.
 */
export function namePartsAsGroups(chart: Element): void {
  for (const g of chart.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  for (const mark of chart.querySelectorAll('[aria-label]:not(g):not(svg):not(a)'))
    if (!mark.closest('a') && !mark.hasAttribute('role')) mark.setAttribute('role', 'img');
}
