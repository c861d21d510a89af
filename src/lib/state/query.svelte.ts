/**
 * A query's result as one small union, re-run when what it reads changes. The latest run wins: a slower,
 * older answer never overwrites a newer one. A failed query can be tried again.
 */
export type QueryState<T> =
  { status: 'waiting' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

export interface LiveQuery<T> {
  readonly current: QueryState<T>;
  /** A run has started and not answered yet. */
  readonly running: boolean;
  /** Runs the query again (after a failure). */
  retry(): void;
}

/**
 * `run` returns undefined while its inputs (say, the database) are not there yet. Until a run has answered,
 * `initial` may give the answer computed at build time for the same inputs (the prerendered first paint).
 */
export function useQuery<T>(run: () => Promise<T> | undefined, initial?: () => T | undefined): LiveQuery<T> {
  let state = $state<QueryState<T>>({ status: 'waiting' });
  let attempt = $state(0);
  let running = $state(false);
  $effect(() => {
    void attempt;
    let pending: Promise<T> | undefined;
    try {
      pending = run();
    } catch (error) {
      // A query that throws before it even starts fails like any other.
      pending = Promise.reject(error);
    }
    if (!pending) return;
    let latest = true;
    running = true;
    // Marks for the benchmark: a view is up to date when every query started has ended.
    performance.mark('gp:query-start');
    pending.then(
      (value) => {
        performance.mark('gp:query-end');
        if (latest) [state, running] = [{ status: 'ready', value }, false];
      },
      (error: unknown) => {
        performance.mark('gp:query-end');
        const message = error instanceof Error ? error.message : String(error);
        if (latest) [state, running] = [{ status: 'failed', message }, false];
      }
    );
    return () => {
      latest = false;
    };
  });
  return {
    get current(): QueryState<T> {
      if (state.status === 'waiting') {
        const value = initial?.();
        if (value !== undefined) return { status: 'ready', value };
      }
      return state;
    },
    get running() {
      return running;
    },
    retry() {
      attempt += 1;
    }
  };
}

type Values<T> = { -readonly [K in keyof T]: T[K] extends LiveQuery<infer V> ? V : never };

/** Several queries as one: ready when all are, failed when any is (trying again re-runs the failed ones). */
export function all<const T extends readonly LiveQuery<unknown>[]>(...queries: T): LiveQuery<Values<T>> {
  const current = $derived.by((): QueryState<Values<T>> => {
    const states = queries.map((q) => q.current);
    const failed = states.find((s) => s.status === 'failed');
    if (failed) return failed;
    if (states.every((s) => s.status === 'ready'))
      return {
        status: 'ready',
        value: states.map((s) => (s.status === 'ready' ? s.value : null)) as Values<T>
      };
    return { status: 'waiting' };
  });
  return {
    get current() {
      return current;
    },
    get running() {
      return queries.some((q) => q.running);
    },
    retry() {
      for (const q of queries) if (q.current.status === 'failed') q.retry();
    }
  };
}

/** The answer when there is one: for what a card can do without (a source line, a donor's name). */
export function valueOf<T>(query: LiveQuery<T>): T | undefined {
  return query.current.status === 'ready' ? query.current.value : undefined;
}
