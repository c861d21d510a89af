/**
 * The in-browser database's life: starting, ready, or failed with a reason a person can act on.
 * One Engine is created by the root layout and handed to every view through context.
 */
import type { ArrowDb } from '$lib/data/db';
import type { Problem } from '$lib/data/validate';

export type EngineState =
  | { status: 'starting'; step: string }
  | { status: 'ready'; db: ArrowDb; origin: 'sample' }
  | { status: 'failed'; message: string; problems: Problem[] };

export class Engine {
  state = $state<EngineState>({ status: 'starting', step: 'Starting the in-browser database' });

  get db(): ArrowDb | null {
    return this.state.status === 'ready' ? this.state.db : null;
  }

  /** Starts duckdb-wasm and loads the bundled sample extracts, all from this site's own origin. */
  async start(dataUrl: string): Promise<void> {
    try {
      this.state = { status: 'starting', step: 'Starting the in-browser database' };
      const [{ openBrowserDb }, { fetchBundledExtracts }, { loadExtracts }] = await Promise.all([
        import('$lib/data/duckdb-browser'),
        import('$lib/data/bundled'),
        import('$lib/data/load')
      ]);
      const [db, files] = await Promise.all([openBrowserDb(), fetchBundledExtracts(dataUrl)]);
      this.state = { status: 'starting', step: 'Checking the sample data against the data contract' };
      const result = await loadExtracts(db, files);
      if (!result.ok) {
        this.state = {
          status: 'failed',
          message: 'The bundled sample data is invalid.',
          problems: result.problems
        };
        return;
      }
      this.state = { status: 'ready', db, origin: 'sample' };
    } catch (e) {
      this.state = { status: 'failed', message: (e as Error).message, problems: [] };
    }
  }
}
