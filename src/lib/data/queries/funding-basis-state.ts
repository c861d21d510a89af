/**
 * When the funding basis (funding-basis.ts) is there: built once per data, in steps, and forgotten when
 * contributions or sources are replaced. A build started before a replacement never counts as ready.
 */
import { sql, type Db } from '../db';
import { buildSteps } from './funding-basis-build';

interface BasisState {
  /** Bumped whenever the data changes: a build started before that never counts as ready. */
  generation: number;
  ready: boolean;
  building: Promise<boolean> | null;
  /** A step failed for this data: not tried again until the data changes. */
  failed: boolean;
  /** The basis was shipped by the build over more contributions than this database holds. */
  shipped: boolean;
}

const states = new WeakMap<Db, BasisState>();
const stateOf = (db: Db) => {
  let state = states.get(db);
  if (!state)
    states.set(db, (state = { generation: 0, ready: false, building: null, failed: false, shipped: false }));
  return state;
};

/** The basis is built and current: funding queries read it. */
export function basisReady(db: Db): boolean {
  return stateOf(db).ready;
}

/**
 * Whether queries read the basis: after waiting for a build under way rather than scanning around it (a build
 * costs about what one scan does, and a change of rules sends several queries).
 */
export async function basisSettled(db: Db): Promise<boolean> {
  const building = stateOf(db).building;
  if (building) await building;
  return stateOf(db).ready;
}

export interface BuildStep {
  step: number;
  of: number;
  ms: number;
}

/**
 * Builds the basis if it is not built or being built, step by step; resolves true when it is ready, false when
 * the data changed meanwhile or a step failed (queries then scan, as before). `onStep` sees each step's time.
 */
export function buildFundingBasis(db: Db, onStep?: (s: BuildStep) => void): Promise<boolean> {
  const state = stateOf(db);
  if (state.ready) return Promise.resolve(true);
  if (state.building) return state.building;
  if (state.failed) return Promise.resolve(false);
  const generation = state.generation;
  const current = () => state.generation === generation;
  const build = (async () => {
    try {
      // Steps take contributions by row id: up to the last one, so no row is missed wherever the ids run.
      const [last] = await db.query<{ n: number }>(
        sql`SELECT CAST(COALESCE(max(rowid) + 1, 0) AS INTEGER) AS n FROM contributions`
      );
      const steps = buildSteps(last!.n);
      for (const [i, step] of steps.entries()) {
        if (!current()) return false;
        const started = performance.now();
        await db.exec(step);
        // Measures for the benchmark: how long the engine was held by each step.
        performance.measure('gp:basis-step', { start: started, end: performance.now() });
        onStep?.({ step: i + 1, of: steps.length, ms: performance.now() - started });
      }
      if (!current()) return false;
      state.ready = true;
      performance.mark('gp:basis-ready');
      return true;
    } catch {
      // The data changed under the build, or the engine refused a step: the queries scan, which is always exact.
      if (current()) state.failed = true;
      return false;
    } finally {
      if (current()) state.building = null;
    }
  })();
  state.building = build;
  return build;
}

/**
 * The basis came ready-made (funding-basis-ship.ts): built by the site's build over every contribution, while the
 * database holds only the largest. Queries read it at once; it is never rebuilt from the rows this database holds
 * unless contributions are replaced.
 */
export function fundingBasisAdopted(db: Db): void {
  const state = stateOf(db);
  state.generation += 1;
  Object.assign(state, { ready: true, building: null, failed: false, shipped: true });
}

/** The basis holds more contributions than the table does: what lists contributions must read the basis. */
export function basisShipped(db: Db): boolean {
  return stateOf(db).shipped;
}

/** Basis tables adopted on first use (funding-basis-ship.ts): each one's loader, run once. */
const deferred = new WeakMap<Db, Map<string, () => Promise<void>>>();

/**
 * A table of a shipped basis loaded when a query first needs it (the finest can hold nearly a group per row). A load
 * that fails is tried again by the next query that needs the table; one finished after the data changed is dropped.
 */
export function deferBasisTable(db: Db, table: string, load: () => Promise<void>): void {
  const generation = stateOf(db).generation;
  let loading: Promise<void> | null = null;
  const tables = deferred.get(db) ?? new Map<string, () => Promise<void>>();
  deferred.set(db, tables);
  tables.set(
    table,
    () =>
      (loading ??= load().then(
        () => {
          if (stateOf(db).generation === generation) tables.delete(table);
        },
        (e: unknown) => {
          loading = null;
          throw e;
        }
      ))
  );
}

/** Waits until `table` of the basis is there: at once unless it is a shipped table not loaded yet. */
export async function basisTableReady(db: Db, table: string): Promise<void> {
  await deferred.get(db)?.get(table)?.();
}

/** After DROP_FUNDING_BASIS has run on `db` (contributions or sources replaced): queries scan until it is rebuilt. */
export function fundingBasisDropped(db: Db): void {
  const state = stateOf(db);
  state.generation += 1;
  state.ready = false;
  state.building = null;
  state.failed = false;
  state.shipped = false;
  deferred.delete(db);
}
