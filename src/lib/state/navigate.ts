/** Puts a view's state into its URL, replacing the history entry so Back leaves the view rather than undoing. */
import { goto } from '$app/navigation';

/** `path` is the page's own path (base included, as page.url.pathname gives it): only the query string changes. */
export function showQuery(path: string, params: URLSearchParams): Promise<void> {
  const query = params.toString();
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  return goto(`${path}${query ? `?${query}` : ''}`, { replaceState: true, keepFocus: true, noScroll: true });
}

/**
 * An address of the view shown (a selectable mark's, `?donor=CAN`), the way a click on that mark shows it: the
 * history entry replaced, focus and scroll kept.
 */
export function showHref(href: string): Promise<void> {
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  return goto(new URL(href, location.href).href, { replaceState: true, keepFocus: true, noScroll: true });
}
