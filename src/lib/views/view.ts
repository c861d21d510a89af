/**
 * What a view is, as one plain value that its page, its prerender (+page.server.ts) and the benchmark share: its
 * state's defaults, its URL codec, and its queries, each naming the parts of the state it reads. The view-state
 * class (state/view-state.svelte.ts) re-runs a query only when a part it reads changes.
 */
import type { Db } from '$lib/data/db';
import type { Parsed } from './url';

export interface ViewQuery<S, T> {
  /**
   * What of the view's state the query depends on: the parts it reads ([] for lists that depend on the data
   * alone), or, finer, a function picking what it reads (the needs read only the illustrative rule).
   */
  reads: readonly (keyof S)[] | ((state: S) => unknown);
  run(db: Db, state: S): Promise<T>;
}

/** What a query reads of a state, as a value to compare. */
export function readsOf<S>(query: ViewQuery<S, unknown>, state: S): unknown {
  return typeof query.reads === 'function' ? query.reads(state) : query.reads.map((part) => state[part]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query answers its own type
export type QuerySet<S> = Record<string, ViewQuery<S, any>>;

export interface ViewModule<S, Q extends QuerySet<S> = QuerySet<S>> {
  defaults: S;
  /** The state a URL asks for; unknown values fall back to their defaults, each with a notice. */
  fromUrl(params: URLSearchParams): Parsed<S>;
  /** Only what differs from the defaults, so the default view's URL is bare. */
  toUrl(state: S): URLSearchParams;
  /**
   * Work that makes the view's later answers faster (the funding basis), started once its first answers are in,
   * so it never delays them. Idempotent: called again after each change of data.
   */
  prepare?(db: Db): Promise<unknown>;
  queries: Q;
}

export type Answers<Q> = {
  [K in keyof Q]: Q[K] extends ViewQuery<never, infer T> ? T : never;
};

/** A view's module, with its state type fixed first so each query's `run` is typed by it. */
export function defineView<S>(spec: Omit<ViewModule<S>, 'queries'>) {
  return <Q extends QuerySet<S>>(queries: Q): ViewModule<S, Q> => ({ ...spec, queries });
}

/** Every query of a view for one state, one after the other (one connection runs one query at a time). */
export async function answerAll<S, Q extends QuerySet<S>>(
  db: Db,
  view: ViewModule<S, Q>,
  state: S = view.defaults
): Promise<Answers<Q>> {
  const out: Record<string, unknown> = {};
  for (const [key, q] of Object.entries(view.queries)) out[key] = await q.run(db, state);
  return out as Answers<Q>;
}
