/**
 * The view-state class on real DuckDB (the sample, in duckdb-wasm): the URL is its state, and a change re-runs
 * only the queries that read what changed. Each query's runs are counted by wrapping the view's own queries.
 */
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type Db } from '../../src/lib/data/db';
import { STAGES } from '../../src/lib/data/contract';
import { PRESETS } from '../../src/lib/data/counting-rules';
import { ViewState } from '../../src/lib/state/view-state.svelte';
import { attendanceView } from '../../src/lib/views/attendance';
import { fundingView } from '../../src/lib/views/funding';
import type { QuerySet, ViewModule } from '../../src/lib/views/view';
import { openSampleDb } from '../unit/sample-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
});
afterAll(() => db.close());

/** The view with each query's runs counted, and a URL that navigation writes to. */
function live<S, Q extends QuerySet<S>>(view: ViewModule<S, Q>, search = '') {
  const runs: Record<string, number> = Object.fromEntries(Object.keys(view.queries).map((k) => [k, 0]));
  const counted = {
    ...view,
    queries: Object.fromEntries(
      Object.entries(view.queries).map(([name, q]) => [
        name,
        { reads: q.reads, run: (d: Db, s: S) => ((runs[name] = runs[name]! + 1), q.run(d, s)) }
      ])
    ) as Q
  };
  let url = $state(search);
  let state!: ViewState<S, Q>;
  const stop = $effect.root(() => {
    state = new ViewState(counted, {
      db: () => db,
      params: () => new URLSearchParams(url),
      navigate: (params) => (url = params.toString())
    });
  });
  return { state, runs, url: () => url, stop };
}

/** Lets the effects run and the queries answer. */
async function settle() {
  flushSync();
  await new Promise((done) => setTimeout(done, 50));
  flushSync();
}

describe('a view, live', () => {
  test('reads its state from the URL, says what it ignored, and knows when it is at its defaults', async () => {
    const v = live(fundingView, 'domestic=exclude&area=moon');
    await settle();
    expect(v.state.state.rules.domestic).toBe(false);
    expect(v.state.notices).toEqual(['"moon" is not a priority area; showing all areas.']);
    expect(v.state.atDefaults).toBe(false);
    v.state.show(fundingView.defaults);
    await settle();
    expect(v.url()).toBe('');
    expect(v.state.atDefaults).toBe(true);
    v.stop();
  });

  test('runs every query once, then a rule change re-runs only the queries that read the rules', async () => {
    const v = live(fundingView);
    await settle();
    expect(Object.values(v.runs)).toEqual(Object.keys(fundingView.queries).map(() => 1));
    expect(v.state.queries.total.current.status).toBe('ready');

    v.state.set('rules', PRESETS.new_money_only.rules);
    await settle();
    expect(v.url()).toBe('domestic=exclude&legacy_areas=exclude');
    expect(v.runs).toEqual({
      total: 2,
      effects: 2,
      leftOut: 2,
      byArea: 2,
      areaNeeds: 1,
      byDonor: 2,
      byYear: 2,
      yearNeeds: 1,
      compared: 1,
      moneySources: 1,
      needSources: 1,
      donors: 1,
      years: 1
    });
    v.stop();
  });

  test('needs follow only the illustrative rule, the area and the years, never the partner', async () => {
    const v = live(fundingView);
    await settle();
    v.state.set('filters', { ...v.state.state.filters, donor: 'CAN' });
    await settle();
    expect(v.runs).toMatchObject({ byArea: 2, areaNeeds: 1, yearNeeds: 1 });
    v.state.set('rules', { ...v.state.state.rules, illustrative: false });
    await settle();
    expect(v.runs).toMatchObject({ byArea: 3, areaNeeds: 2, yearNeeds: 2, donors: 1 });
    v.stop();
  });

  test('ten rapid rule changes send the first and the last, never the eight between, and the last one shows', async () => {
    const v = live(fundingView);
    await settle();
    const states = Array.from({ length: 10 }, (_, i) => ({
      ...fundingView.defaults.rules,
      stage: STAGES[i % 3]!,
      domestic: i >= 5
    }));
    for (const rules of states) {
      v.state.set('rules', rules);
      flushSync();
    }
    expect(v.state.queries.total.running).toBe(true);
    await settle();
    // Once for the first paint, once for the first change (sent at once), once for the state as it was when the
    // engine was free again: the last.
    expect(v.runs.total).toBe(3);
    expect(v.runs.byArea).toBe(3);
    const last = { ...fundingView.defaults, rules: states.at(-1)! };
    expect(v.state.queries.total.current).toEqual({
      status: 'ready',
      value: await fundingView.queries.total.run(db, last)
    });
    expect(v.state.queries.total.running).toBe(false);
    v.stop();
  });

  test('a state equal by value re-runs nothing', async () => {
    const v = live(fundingView, 'stage=committed');
    await settle();
    const before = { ...v.runs };
    v.state.show({ ...v.state.state, rules: { ...v.state.state.rules } });
    await settle();
    expect(v.runs).toEqual(before);
    v.stop();
  });

  test('switching the attendance measure runs no query; a filter runs only those that read the filters', async () => {
    const v = live(attendanceView);
    await settle();
    const once = { ...v.runs };
    v.state.set('measure', 'delegates');
    await settle();
    expect(v.url()).toBe('measure=delegates');
    expect(v.runs).toEqual(once);

    v.state.set('filters', { ...v.state.state.filters, presidency: 'USA' });
    await settle();
    expect(v.runs).toMatchObject({ meetings: 2, counts: 2, matrix: 2, presidencies: 1, years: 1 });
    v.stop();
  });

  test('a failed query says why, and trying again runs it again', async () => {
    let fail = true;
    const flaky: Db = {
      query: (s) => (fail ? Promise.reject(new Error('the engine stopped')) : db.query(s)),
      exec: (s) => db.exec(s)
    };
    let state!: ViewState<Record<string, never>, ReturnType<typeof partnersOnly>['queries']>;
    const stop = $effect.root(() => {
      state = new ViewState(partnersOnly(), { db: () => flaky, params: () => null, navigate: () => {} });
    });
    await settle();
    expect(state.queries.count.current).toEqual({ status: 'failed', message: 'the engine stopped' });
    fail = false;
    state.queries.count.retry();
    await settle();
    expect(state.queries.count.current).toEqual({ status: 'ready', value: [{ n: 9 }] });
    expect(state.queries.count.running).toBe(false);
    stop();
  });

  test('a query that throws before it starts fails like any other, with its message', async () => {
    const view = partnersOnly();
    view.queries.count.run = () => {
      throw new Error('no such preset');
    };
    let state!: ViewState<Record<string, never>, typeof view.queries>;
    const stop = $effect.root(() => {
      state = new ViewState(view, { db: () => db, params: () => null, navigate: () => {} });
    });
    await settle();
    expect(state.queries.count.current).toEqual({ status: 'failed', message: 'no such preset' });
    stop();
  });
});

/** A view of one query (how many tables are loaded), for a query that fails and then recovers. */
function partnersOnly() {
  return {
    defaults: {} as Record<string, never>,
    fromUrl: () => ({ value: {} as Record<string, never>, notices: [] }),
    toUrl: () => new URLSearchParams(),
    queries: {
      count: {
        reads: [] as never[],
        run: (d: Db) => d.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM meetings`)
      }
    }
  };
}
