/**
 * A query's result as one small union, re-run when what it reads changes. The latest run wins: a slower,
 * older answer never overwrites a newer one.
 */
export type QueryState<T> =
  { status: 'waiting' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/** `run` returns undefined while its inputs (say, the database) are not there yet. */
export function useQuery<T>(run: () => Promise<T> | undefined): { readonly current: QueryState<T> } {
  let state = $state<QueryState<T>>({ status: 'waiting' });
  $effect(() => {
    const pending = run();
    if (!pending) return;
    let latest = true;
    pending.then(
      (value) => {
        if (latest) state = { status: 'ready', value };
      },
      (error: Error) => {
        if (latest) state = { status: 'failed', message: error.message };
      }
    );
    return () => {
      latest = false;
    };
  });
  return {
    get current() {
      return state;
    }
  };
}
