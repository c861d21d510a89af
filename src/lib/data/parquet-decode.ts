/**
 * Parquet bytes → Arrow IPC with parquet-wasm, wherever it runs: in a worker of the page (parquet.worker.ts), or
 * inline in Node (tests, the benchmark). Nothing here knows DuckDB or the page.
 */
import init, { readParquet, type InitInput } from 'parquet-wasm/esm';
import { UnreadableValueError, int96OutOfRange } from './parquet-int96';

/** Record batches of this many rows: fewer, larger batches reach DuckDB faster than the default of 1,024. */
const BATCH_ROWS = 122_880;

/**
 * Turns bytes into an Arrow IPC stream; its failures are plain messages (a reason, not a stack), or an
 * UnreadableValueError naming a value no decoder can carry over.
 */
export type ParquetDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

/** A decoder on the calling thread, compiling parquet-wasm from `wasm` on first use. */
export function inlineDecoder(wasm: () => InitInput | Promise<InitInput>): ParquetDecoder {
  let ready: Promise<unknown> | null = null;
  return async (bytes) => {
    ready ??= Promise.resolve(wasm()).then((module_or_path) => init({ module_or_path }));
    await ready;
    const unreadable = await int96OutOfRange(bytes);
    if (unreadable) throw new UnreadableValueError(unreadable);
    try {
      return readParquet(bytes, { batchSize: BATCH_ROWS }).intoIPCStream();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // The release build strips the decoder's own error strings; say what is known.
      const reason = message.includes('Error strings stripped')
        ? 'a data page could not be decoded'
        : message;
      throw new Error(reason, { cause: e });
    }
  };
}
