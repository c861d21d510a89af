/**
 * Files → Arrow IPC on the calling thread: Parquet with parquet-wasm, CSV with papaparse. The page runs this in a
 * worker (decode.worker.ts); Node runs it inline (tests, the build, the benchmark). Nothing here knows DuckDB or
 * the page.
 */
import init, { readParquet, type InitInput } from 'parquet-wasm/esm';
import type { FileMetaData } from 'hyparquet';
import { decodeCsv } from './csv';
import type { FileDecoder } from './decoder';
import { parquetFooter } from './parquet';
import { UnreadableValueError, int96OutOfRange } from './parquet-int96';

/** Record batches of this many rows: fewer, larger batches reach DuckDB faster than the default of 1,024. */
const BATCH_ROWS = 122_880;
/** Row groups are decoded together until they hold this many rows: a part DuckDB takes while the next decodes. */
const PART_ROWS = 100_000;

/** The row groups of each part, in order (one part, the whole file, when it has no row groups). */
function partsOf(metadata: FileMetaData): (number[] | undefined)[] {
  const parts: number[][] = [];
  let rows = PART_ROWS;
  for (const [i, group] of metadata.row_groups.entries()) {
    if (rows >= PART_ROWS) {
      parts.push([]);
      rows = 0;
    }
    parts.at(-1)!.push(i);
    rows += Number(group.num_rows);
  }
  return parts.length > 0 ? parts : [undefined];
}

const rowsIn = (metadata: FileMetaData, groups: number[] | undefined) =>
  groups ? groups.reduce((n, i) => n + Number(metadata.row_groups[i]!.num_rows), 0) : 0;

/** The decoder's own failure as a plain reason: the release build strips its error strings; say what is known. */
function decodeFailure(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  const reason = message.includes('Error strings stripped') ? 'a data page could not be decoded' : message;
  return new Error(reason, { cause: e });
}

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
    async parquet(bytes, sink) {
      await compile();
      const metadata = parquetFooter(bytes);
      const unreadable = await int96OutOfRange(bytes, metadata);
      if (unreadable) throw new UnreadableValueError(unreadable);
      let rows = 0;
      for (const rowGroups of partsOf(metadata)) {
        let ipc: Uint8Array;
        try {
          ipc = readParquet(bytes, { batchSize: BATCH_ROWS, rowGroups }).intoIPCStream();
        } catch (e) {
          throw decodeFailure(e);
        }
        rows += rowsIn(metadata, rowGroups);
        await sink(ipc, rows);
      }
      return { rows: Number(metadata.num_rows) };
    },
    csv: decodeCsv
  };
}
