/** Puts a view's state into its URL, replacing the history entry so Back leaves the view rather than undoing. */
import { goto } from '$app/navigation';

/** `path` is the page's own path (base included, as page.url.pathname gives it): only the query string changes. */
export function showQuery(path: string, params: URLSearchParams): Promise<void> {
  const query = params.toString();
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  return goto(`${path}${query ? `?${query}` : ''}`, { replaceState: true, keepFocus: true, noScroll: true });
}
