/**
 * duckdb-wasm in the browser, from the app's own origin: the worker and the wasm are files of this build,
 * never a CDN. Import this module only from browser code (it breaks prerendering in Node).
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { plainRows, type ArrowDb, type Sql } from './db';
import { EXTENSIONS_OFF } from './engine-settings';
import { PreparedStatements } from './prepared';
import { useDecoder } from './decoder';
import { workerDecoder } from './decode-worker';

/** duckdb-wasm started in a worker of this site, with one connection (the benchmark times SQL on it directly). */
export async function openBrowserConnection(): Promise<AsyncDuckDBConnection> {
  return (await openBrowserEngine()).conn;
}

/** The engine and its one connection: the benchmark hands both to Mosaic, its peer, so neither opens another. */
export async function openBrowserEngine(): Promise<{ duck: AsyncDuckDB; conn: AsyncDuckDBConnection }> {
  // Files are decoded in a worker of their own (a file of this site too), started with the engine.
  useDecoder(workerDecoder(new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })));
  const worker = new Worker(workerUrl);
  const duck = new AsyncDuckDB(new VoidLogger(), worker);
  await duck.instantiate(wasmUrl);
  const conn = await duck.connect();
  await conn.query(EXTENSIONS_OFF);
  return { duck, conn };
}

export async function openBrowserDb(): Promise<ArrowDb> {
  return browserDb(await openBrowserConnection());
}

/**
 * A hook for browser tests only: while the page's `__gpFailQueries` holds a pattern, statements whose text match
 * it fail, so a test can see how each view shows a failed query. Nothing in the app sets it.
 */
function injectedFailure(text: string): Error | null {
  const pattern = (globalThis as { __gpFailQueries?: string }).__gpFailQueries;
  return pattern && new RegExp(pattern).test(text)
    ? new Error(`a test made this query fail (${pattern})`)
    : null;
}

/** The app's port over a connection: bound parameters through prepared statements (kept), plain rows out. */
export function browserDb(conn: AsyncDuckDBConnection): ArrowDb {
  const statements = new PreparedStatements((text) => conn.prepare(text));
  return {
    async query<T extends object>({ text, params }: Sql) {
      const failure = injectedFailure(text);
      if (failure) throw failure;
      if (params.length === 0) return plainRows<T>((await conn.query(text)).toArray());
      return statements.run(text, async (stmt) => plainRows<T>((await stmt.query(...params)).toArray()));
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, { append = false } = {}) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: !append });
    }
  };
}
