/**
 * Mosaic, the peer (issue 17): the funding-by-area answer (USD and rows per area and stage) for the same counting
 * rule switches, through Mosaic's coordinator with its pre-aggregation, on the app's own duckdb-wasm instance and
 * connection (never its CDN bundles). Its cache and query consolidation are off, so each switch is a query.
 *
 * The rules are those on the contributions' own columns (domestic, multilateral, in-kind, the 2002 areas), as one
 * clause from one source whose fields are every rule column: Mosaic then keeps one pre-aggregated table for all the
 * switches. A rule that is off leaves out the rows it is about; a null channel or in-kind status stays counted,
 * as in the app.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Coordinator, MosaicClient, Selection, wasmConnector } from '@uwdata/mosaic-core';
import { Query, and, column, count, isIn, isNull, literal, neq, not, or, sum } from '@uwdata/mosaic-sql';
import { LEGACY_AREAS, type CountingRules } from '$lib/data/counting-rules';

export interface AreaAmount {
  area: string;
  stage: string;
  amount: number;
  rows: number;
}

type RuleSwitch = Pick<CountingRules, 'domestic' | 'multilateral' | 'inKind' | 'legacyAreas'>;

/** The 15 settings of the four rules with at least one rule off (all on is no clause at all). */
export const SWITCHES: RuleSwitch[] = Array.from({ length: 15 }, (_, bits) => ({
  domestic: (bits & 1) > 0,
  multilateral: (bits & 2) > 0,
  inKind: (bits & 4) > 0,
  legacyAreas: (bits & 8) > 0
}));

const channel = column('channel');
const inKind = column('in_kind');
const area = column('priority_area');

/** The rows the rules keep, built from the clause's own field objects (Mosaic rewrites them onto its table). */
function keeps(rules: RuleSwitch) {
  const kept = [];
  if (!rules.domestic) kept.push(or(isNull(channel), neq(channel, literal('domestic'))));
  if (!rules.multilateral) kept.push(or(isNull(channel), neq(channel, literal('multilateral'))));
  if (!rules.inKind) kept.push(or(isNull(inKind), not(inKind)));
  if (!rules.legacyAreas)
    kept.push(
      not(
        isIn(
          area,
          LEGACY_AREAS.map((a) => literal(a))
        )
      )
    );
  return and(...kept);
}

class ByArea extends MosaicClient {
  answered: (rows: AreaAmount[]) => void = () => {};
  query(filter: unknown = []) {
    return Query.from('contributions')
      .select({ area: 'priority_area', stage: 'stage', amount: sum('amount_usd'), rows: count() })
      .where(filter as never)
      .groupby('priority_area', 'stage');
  }
  queryResult(data: { toArray(): Record<string, unknown>[] }) {
    this.answered(
      data.toArray().map((r) => ({
        area: String(r.area),
        stage: String(r.stage),
        amount: Number(r.amount),
        rows: Number(r.rows)
      }))
    );
    return this;
  }
}

/** Mosaic over the app's engine: `answer(rules)` resolves with the rows when its client receives them. */
export async function mosaicByArea(duck: AsyncDuckDB, conn: AsyncDuckDBConnection) {
  const coordinator = new Coordinator(wasmConnector({ duckdb: duck, connection: conn }), {
    logger: null,
    cache: false,
    consolidate: false
  });
  const selection = Selection.intersect();
  const client = new ByArea(selection);
  const source = {};
  const clause = (rules: RuleSwitch) => ({
    source,
    meta: { type: 'point' as const },
    clients: new Set([client]),
    value: [JSON.stringify(rules)],
    fields: [channel, inKind, area],
    predicate: keeps(rules)
  });
  const answer = (rules: RuleSwitch) =>
    new Promise<AreaAmount[]>((resolve) => {
      client.answered = resolve;
      selection.update(clause(rules) as never);
    });
  // Connecting asks the client's query without a filter: its answer must land before the switches are timed, or
  // each switch would be handed the answer to the one before.
  const unfiltered = new Promise<AreaAmount[]>((resolve) => (client.answered = resolve));
  await coordinator.connect(client);
  await unfiltered;
  // Build the pre-aggregated table before timing anything (Mosaic does it on the first update otherwise).
  const built = performance.now();
  selection.activate(clause(SWITCHES[0]!) as never);
  await answer(SWITCHES[0]!);
  return { answer, buildMs: performance.now() - built, drop: () => coordinator.preaggregator.dropSchema() };
}
