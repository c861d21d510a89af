/**
 * A query's result as one small union, re-run when what it reads changes. The latest run wins: a slower,
 * older answer never overwrites a newer one. A failed query can be tried again.
 */
import { untrack } from 'svelte';

export type QueryState<T> =
  { status: 'waiting' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

export interface LiveQuery<T> {
  readonly current: QueryState<T>;
  /** A run has started and not answered yet. */
  readonly running: boolean;
  /** Runs the query again (after a failure). */
  retry(): void;
}

export interface QueryOptions<T> {
  /** Until a run has answered: the answer computed at build time for the same inputs (the prerendered paint). */
  initial?: () => T | undefined;
  /**
   * What the query depends on, read reactively. With it, `run` is called untracked and never while a run is in
   * flight: a change made meanwhile waits, and only the latest state is sent when the engine is free. So ten rapid
   * changes send two runs, not ten queued behind each other. Without it, `run` itself is tracked and called at once.
   */
  inputs?: () => unknown;
}

/**
 * `run` returns undefined while its inputs (say, the database) are not there yet. The latest run wins: a slower,
 * older answer never overwrites a newer one.
 */
export function useQuery<T>(run: () => Promise<T> | undefined, options: QueryOptions<T> = {}): LiveQuery<T> {
  const { initial, inputs } = options;
  let state = $state<QueryState<T>>({ status: 'waiting' });
  let attempt = $state(0);
  let running = $state(false);
  /** Bumped on every change of inputs: a run's answer shows only if no change came after it was sent. */
  let wanted = 0;
  let inFlight = false;
  let live = true;

  function start(generation: number, pending: Promise<T> | undefined) {
    if (!pending) {
      // Nothing to ask yet (no engine): nothing is running.
      running = false;
      return;
    }
    running = true;
    inFlight = true;
    // Marks for the benchmark: a view is up to date when every query started has ended.
    performance.mark('gp:query-start');
    const settle = (next: QueryState<T>) => {
      performance.mark('gp:query-end');
      inFlight = false;
      if (!live) return;
      if (generation === wanted) [state, running] = [next, false];
      // A change came while this run was out: send the state as it is now, once.
      else if (inputs) start(wanted, attemptRun());
    };
    pending.then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) =>
        settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
    );
  }

  function attemptRun(): Promise<T> | undefined {
    try {
      return untrack(run);
    } catch (error) {
      // A query that throws before it even starts fails like any other.
      return Promise.reject(error);
    }
  }

  $effect(() => {
    void attempt;
    if (inputs) {
      inputs();
      const generation = ++wanted;
      if (!inFlight) start(generation, attemptRun());
      return;
    }
    let pending: Promise<T> | undefined;
    try {
      pending = run();
    } catch (error) {
      pending = Promise.reject(error);
    }
    start(++wanted, pending);
  });
  $effect(() => () => {
    live = false;
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

/**
 * Several queries as one: ready when all are, failed when any is (trying again re-runs the failed ones). While any
 * of them is running, the last answer stands: a card never draws one query's new rows beside another's old ones,
 * and draws once per change, not once per query.
 */
export function all<const T extends readonly LiveQuery<unknown>[]>(...queries: T): LiveQuery<Values<T>> {
  let shown: QueryState<Values<T>> | undefined;
  const current = $derived.by((): QueryState<Values<T>> => {
    if (shown?.status === 'ready' && queries.some((q) => q.running)) return shown;
    const states = queries.map((q) => q.current);
    const failed = states.find((s) => s.status === 'failed');
    if (failed) return (shown = failed);
    if (states.every((s) => s.status === 'ready'))
      return (shown = {
        status: 'ready',
        value: states.map((s) => (s.status === 'ready' ? s.value : null)) as Values<T>
      });
    return (shown = { status: 'waiting' });
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
