/**
 * A view's query set, live: one useQuery per query, re-run on the engine when what it reads changes. Until
 * the engine answers, the answers computed at build time stand in, when they are for the same view state.
 */
import type { Answers, QuerySet } from '$lib/data/queries/view-set';
import type { Engine } from './engine.svelte';
import { useQuery, type QueryState } from './query.svelte';

export type LiveQueries<Q extends QuerySet> = {
  [K in keyof Q]: { readonly current: QueryState<Answers<Q>[K]> };
};

export function useQueries<Q extends QuerySet>(
  engine: Engine,
  queries: Q,
  initial: () => Answers<Q> | undefined
): LiveQueries<Q> {
  const keys = Object.keys(queries) as (keyof Q & string)[];
  const live = {} as LiveQueries<Q>;
  for (const key of keys) {
    live[key] = useQuery(
      () => {
        const db = engine.db;
        // Each query reads the view state it needs as it runs: only those reads make it run again.
        return db ? (queries[key]!(db) as Promise<Answers<Q>[typeof key]>) : undefined;
      },
      () => initial()?.[key]
    );
  }
  return live;
}
