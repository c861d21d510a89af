/**
 * The benchmark's page: the app's own data layer on duckdb-wasm, in Chromium. `npm run bench` drives it through
 * `window.gpBench`: it loads the sample (and synthetic contributions), then times each view query through the
 * app's query function and as the same SQL straight on the connection, and reports answers to verify.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { fetchBundledExtracts } from '$lib/data/bundled';
import { sql, type Db, type SqlParam } from '$lib/data/db';
import { DEFAULT_RULES } from '$lib/data/counting-rules';
import { browserDb, openBrowserEngine } from '$lib/data/duckdb-browser';
import { contributionsByArea, type AreaMoneyRow } from '$lib/data/queries/funding';
import { buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import { loadExtracts } from '$lib/data/load';
import { loadUserFiles } from '$lib/data/user-files';
import { answerOf, defaultViews, median, type Answer } from '../common';
import { SWITCHES, mosaicByArea, type AreaAmount } from './mosaic-peer';

export interface Statement {
  sql: string;
  params: SqlParam[];
}
export interface OverheadRow {
  view: string;
  query: string;
  appMs: number;
  rawMs: number;
  app: Answer;
  /** The raw answer of each statement, in order. */
  raw: Answer[];
  statements: Statement[];
}

let duck: AsyncDuckDB;
let conn: AsyncDuckDBConnection;
let db: Db & { insertArrowIPC(table: string, ipc: Uint8Array): Promise<void> };

async function raw(statement: Statement) {
  if (statement.params.length === 0) return conn.query(statement.sql);
  const prepared = await conn.prepare(statement.sql);
  try {
    return await prepared.query(...statement.params);
  } finally {
    await prepared.close();
  }
}

const bench = {
  async start(dataUrl: string) {
    ({ duck, conn } = await openBrowserEngine());
    db = browserDb(conn);
    const result = await loadExtracts(db as never, (await fetchBundledExtracts(dataUrl)).files);
    if (!result.ok) throw new Error(result.problems[0]?.message);
  },

  /**
   * Replaces contributions through the app's loader; returns its time, the rows now in the table, and the time
   * of the funding basis built over them (its steps, and the longest one).
   */
  async replaceContributions(url: string) {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const started = performance.now();
    const result = await loadUserFiles(db as never, [{ name: 'contributions.parquet', bytes }]);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const [row] = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`
    );
    // The funding basis, as the app builds it after a load: the funding queries timed below read it.
    const steps: number[] = [];
    const built = performance.now();
    if (!(await buildFundingBasis(db, (s) => steps.push(s.ms))))
      throw new Error('the funding basis did not build');
    const basis = { ms: performance.now() - built, steps: steps.length, longestStepMs: Math.max(...steps) };
    return { ms, rows: row!.n, basis };
  },

  /** (a) Each view query: the app's function against the same statements run straight on the connection. */
  async overhead(runs: number): Promise<OverheadRow[]> {
    const out: OverheadRow[] = [];
    let statements: Statement[] = [];
    const recording: Db = {
      query: (statement) => {
        statements.push({ sql: statement.text, params: [...statement.params] });
        return db.query(statement);
      },
      exec: (sql) => db.exec(sql)
    };
    // The basis is known ready per database: built once more through the recorder, so it records what `db` runs.
    if (!(await buildFundingBasis(recording))) throw new Error('the funding basis did not build');
    // One pass over every query before any is timed: the first one timed would otherwise pay for the build's
    // memory churn and a cold cache.
    for (const set of Object.values(defaultViews())) for (const run of Object.values(set)) await run(db);
    for (const [view, set] of Object.entries(defaultViews())) {
      for (const [query, run] of Object.entries(set)) {
        statements = [];
        const app = answerOf(await run(recording));
        const rawAnswers: Answer[] = [];
        for (const s of statements)
          rawAnswers.push(answerOf((await raw(s)).toArray().map((r) => r.toJSON())));
        const appTimes: number[] = [];
        const rawTimes: number[] = [];
        const timeApp = async () => {
          const t = performance.now();
          await run(db);
          appTimes.push(performance.now() - t);
        };
        const timeRaw = async () => {
          const t = performance.now();
          for (const s of statements) await raw(s);
          rawTimes.push(performance.now() - t);
        };
        // Alternating which goes first, so neither always runs on a warmer cache.
        for (let i = 0; i < runs; i++) {
          if (i % 2) await timeRaw().then(timeApp);
          else await timeApp().then(timeRaw);
        }
        out.push({
          view,
          query,
          appMs: median(appTimes),
          rawMs: median(rawTimes),
          app,
          raw: rawAnswers,
          statements
        });
      }
    }
    return out;
  }
};

/** Where the app's by-area answer and Mosaic's differ (every area and stage, rows equal, amounts to the cent). */
function areasDiffer(app: readonly AreaMoneyRow[], peer: readonly AreaAmount[]): string | null {
  if (app.length !== peer.length) return `${app.length} rows against Mosaic's ${peer.length}`;
  for (const a of app) {
    const p = peer.find((r) => r.area === a.area && r.stage === a.stage);
    if (p === undefined || p.rows !== a.rows || Math.abs(p.amount - a.amount) >= 0.01)
      return `${a.area} ${a.stage}: ${a.amount} in ${a.rows} rows against ${JSON.stringify(p)}`;
  }
  return null;
}

const peer = {
  /**
   * (f) The funding-by-area answer for `switches` counting-rule switches: the app's query, and Mosaic's
   * coordinator with its pre-aggregation, both from query sent to rows received, each answer compared.
   */
  async mosaicPeer(switches: number) {
    const mosaic = await mosaicByArea(duck, conn);
    const filters = { donor: null, area: null, yearFrom: null, yearTo: null };
    const [ours, theirs]: [number[], number[]] = [[], []];
    let difference: string | null = null;
    for (let i = 0; i < switches; i++) {
      const rules = SWITCHES[i % SWITCHES.length]!;
      let t = performance.now();
      const app = await contributionsByArea(db, { ...DEFAULT_RULES, ...rules }, filters);
      ours.push(performance.now() - t);
      t = performance.now();
      const answer = await mosaic.answer(rules);
      theirs.push(performance.now() - t);
      const differs = areasDiffer(app, answer);
      difference ??= differs && `${JSON.stringify(rules)}: ${differs}`;
    }
    await mosaic.drop();
    return { switches, oursMs: median(ours), mosaicMs: median(theirs), buildMs: mosaic.buildMs, difference };
  }
};

(window as unknown as { gpBench: typeof bench & typeof peer }).gpBench = { ...bench, ...peer };
