/**
 * A query's result as one small union, re-run when what it reads changes. The latest run wins: a slower,
 * older answer never overwrites a newer one.
 */
export type QueryState<T> =
  { status: 'waiting' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * `run` returns undefined while its inputs (say, the database) are not there yet. Until a run has answered,
 * `initial` may give the answer computed at build time for the same inputs (the prerendered first paint).
 */
export function useQuery<T>(
  run: () => Promise<T> | undefined,
  initial?: () => T | undefined
): { readonly current: QueryState<T> } {
  let state = $state<QueryState<T>>({ status: 'waiting' });
  $effect(() => {
    const pending = run();
    if (!pending) return;
    let latest = true;
    // Marks for the benchmark: a view is up to date when every query started has ended.
    performance.mark('gp:query-start');
    pending.then(
      (value) => {
        performance.mark('gp:query-end');
        if (latest) state = { status: 'ready', value };
      },
      (error: Error) => {
        performance.mark('gp:query-end');
        if (latest) state = { status: 'failed', message: error.message };
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
    }
  };
}
