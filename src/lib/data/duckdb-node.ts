/**
 * The same duckdb-wasm engine as the browser, run synchronously in Node: for unit tests, build-time rendering and
 * the benchmark. Instantiation takes ~1.5 s, so open it once per test file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConsoleLogger, LogLevel, NODE_RUNTIME, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import { readFileSync } from 'node:fs';
import { plainRows, type ArrowDb, type Sql } from './db';
import { EXTENSIONS_OFF } from './engine-settings';
import { PreparedStatements } from './prepared';
import { useDecoder } from './decoder';
import { inlineDecoder } from './decode-inline';

export async function openNodeDb(): Promise<ArrowDb & { close(): void }> {
  const require = createRequire(import.meta.url);
  useDecoder(inlineDecoder(() => readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'))));
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const duck = await createDuckDB(
    {
      mvp: {
        mainModule: join(dist, 'duckdb-mvp.wasm'),
        mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
      },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
    },
    new ConsoleLogger(LogLevel.WARNING),
    NODE_RUNTIME
  );
  await duck.instantiate();
  const conn = duck.connect();
  conn.query(EXTENSIONS_OFF);
  const statements = new PreparedStatements((text) => conn.prepare(text));
  return {
    async query<T extends object>({ text, params }: Sql) {
      if (params.length === 0) return plainRows<T>(conn.query(text).toArray());
      return statements.run(text, (stmt) => plainRows<T>(stmt.query(...params).toArray()));
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, { append = false } = {}) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: !append });
    },
    close() {
      conn.close();
    }
  };
}
