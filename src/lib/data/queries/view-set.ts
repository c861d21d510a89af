/**
 * A view's queries as one named set: the page runs each on the in-browser engine, and the build runs the same
 * set on the bundled sample in Node, so the prerendered first paint shows exactly what the engine will.
 */
import type { Db } from '../db';

export type QuerySet = Record<string, (db: Db) => Promise<unknown>>;
export type Answers<Q extends QuerySet> = { [K in keyof Q]: Awaited<ReturnType<Q[K]>> };

/** Every query of the set, one after the other (one connection runs one query at a time anyway). */
export async function answerAll<Q extends QuerySet>(db: Db, queries: Q): Promise<Answers<Q>> {
  const out: Partial<Answers<Q>> = {};
  for (const key of Object.keys(queries) as (keyof Q)[]) {
    out[key] = (await queries[key]!(db)) as Answers<Q>[typeof key];
  }
  return out as Answers<Q>;
}
