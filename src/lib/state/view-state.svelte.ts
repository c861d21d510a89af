/**
 * A view, live: its state read from the URL, its queries run on the engine and re-run only when a part of the
 * state they read changes (compared by value, so equal settings never re-run anything), and its moves written
 * back to the URL. One class for every view; each view's module (views/<view>.ts) says what to read and run.
 */
import { untrack } from 'svelte';
import type { Db } from '$lib/data/db';
import { readsOf, type Answers, type QuerySet, type ViewModule } from '$lib/views/view';
import { useQuery, type LiveQuery } from './query.svelte';

export interface ViewStateOptions<Q> {
  /** The in-browser database, or null while it starts (read reactively). */
  db: () => Db | null;
  /** The URL's query string; null while prerendering, which has none and shows the defaults. */
  params: () => URLSearchParams | null;
  /** Puts a query string in the URL (the page's own navigation). */
  navigate: (params: URLSearchParams) => void;
  /** Answers computed at build time for the default state: they stand in until the engine answers. */
  initial?: () => Answers<Q> | undefined;
}

export type LiveQueries<Q> = { readonly [K in keyof Q]: LiveQuery<Answers<Q>[K]> };

/** Value equality for view states: plain data, so their JSON says everything. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class ViewState<S, Q extends QuerySet<S>> {
  readonly #view: ViewModule<S, Q>;
  readonly #options: ViewStateOptions<Q>;
  readonly #parsed = $derived.by(() => {
    const params = this.#options.params();
    return params ? this.#view.fromUrl(params) : { value: this.#view.defaults, notices: [] };
  });
  /** The answers for each query, live. */
  readonly queries: LiveQueries<Q>;

  constructor(view: ViewModule<S, Q>, options: ViewStateOptions<Q>) {
    this.#view = view;
    this.#options = options;
    const live: Record<string, LiveQuery<unknown>> = {};
    for (const [name, query] of Object.entries(view.queries)) {
      // The parts this query reads, as text: a change elsewhere in the state leaves it equal, so nothing re-runs.
      const reads = $derived(JSON.stringify(readsOf(query, this.state)));
      // Sent only when the engine is free, with the state as it is then: rapid changes never queue up.
      live[name] = useQuery(
        () => {
          const db = options.db();
          return db ? query.run(db, this.state) : undefined;
        },
        {
          inputs: () => [reads, options.db()],
          initial: () =>
            this.atDefaults ? (options.initial?.() as Record<string, unknown> | undefined)?.[name] : undefined
        }
      );
    }
    this.queries = live as LiveQueries<Q>;
    // Once every query has answered (its effects run first, so a fresh start is already running here).
    $effect(() => {
      const db = options.db();
      if (!db || !view.prepare || Object.values(live).some((q) => q.running)) return;
      untrack(() => void view.prepare!(db));
    });
  }

  get state(): S {
    return this.#parsed.value;
  }

  /** What the URL asked for that the view does not know, in words. */
  get notices(): readonly string[] {
    return this.#parsed.notices;
  }

  /** True when the state is the view's default one, whatever the URL spells: the build's answers then apply. */
  get atDefaults(): boolean {
    return sameValue(this.state, this.#view.defaults);
  }

  /** Shows another state: it goes to the URL, and the queries that read what changed follow. */
  show(next: S): void {
    this.#options.navigate(this.#view.toUrl(next));
  }

  /** Shows the state with one part changed. */
  set<K extends keyof S>(part: K, value: S[K]): void {
    this.show({ ...this.state, [part]: value });
  }
}
