/**
 * Files → Arrow IPC on the calling thread: Parquet with parquet-wasm, CSV with papaparse. The page runs this in a
 * worker (decode.worker.ts); Node runs it inline (tests, the build, the benchmark). Nothing here knows DuckDB or
 * the page.
 */
import init, { readParquet, type InitInput } from 'parquet-wasm/esm';
import { decodeCsv } from './csv';
import type { FileDecoder } from './decoder';
import { UnreadableValueError, int96OutOfRange } from './parquet-int96';

/** Record batches of this many rows: fewer, larger batches reach DuckDB faster than the default of 1,024. */
const BATCH_ROWS = 122_880;

/**
 * A decoder on the calling thread, compiling parquet-wasm from `wasm` on first use, or at once when `eager` (the
 * page's worker: the compile then overlaps the engine's start instead of delaying the first file).
 */
export function inlineDecoder(
  wasm: () => InitInput | Promise<InitInput>,
  { eager = false } = {}
): FileDecoder {
  let ready: Promise<unknown> | null = null;
  const compile = () =>
    (ready ??= Promise.resolve(wasm()).then((module_or_path) => init({ module_or_path })));
  if (eager) void compile().catch(() => {}); // a failure shows when a file is decoded
  return {
    async parquet(bytes) {
      await compile();
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
    },
    csv: decodeCsv
  };
}
