/** Puts a view's state into its URL, replacing the history entry so Back leaves the view rather than undoing. */
import { goto } from '$app/navigation';

/** `path` must come from resolve(); only the query string of the same page changes. */
export function showQuery(path: string, params: URLSearchParams): Promise<void> {
  const query = params.toString();
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  return goto(`${path}${query ? `?${query}` : ''}`, { replaceState: true, keepFocus: true, noScroll: true });
}
