/**
 * A page's view, wired to the app: the engine from context, the page's URL (read only in the browser: prerendering
 * has no query string) and navigation that replaces the history entry, so Back leaves the view.
 */
import { browser } from '$app/environment';
import { page } from '$app/state';
import type { Answers, QuerySet, ViewModule } from '$lib/views/view';
import { getEngine } from './context';
import { showQuery } from './navigate';
import { ViewState } from './view-state.svelte';

export function useView<S, Q extends QuerySet<S>>(
  view: ViewModule<S, Q>,
  initial?: () => Answers<Q> | undefined
): ViewState<S, Q> {
  const engine = getEngine();
  return new ViewState(view, {
    db: () => engine.db,
    params: () => (browser ? page.url.searchParams : null),
    navigate: (params) => showQuery(page.url.pathname, params),
    // The build's answers are the sample's: never painted while kept files are restored, or over the user's data.
    initial: () => (engine.keep.restoring || engine.userData ? undefined : initial?.())
  });
}
