/**
 * Native DuckDB (@duckdb/node-api) behind the same port, for scripts: building the extracts from CSV and the
 * benchmark's engine floor. One thread, so the Parquet it writes is byte-for-byte reproducible.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { type Db, type Sql } from './db';

function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  return String(value);
}

export async function openNativeDb(): Promise<Db & { close(): void }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  return {
    async query<T extends object>({ text, params }: Sql) {
      const reader = await conn.runAndReadAll(text, params.length ? (params as DuckDBValue[]) : undefined);
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) out[k] = plain(v);
        return out as T;
      });
    },
    async exec(sql: string) {
      await conn.run(sql);
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    }
  };
}
