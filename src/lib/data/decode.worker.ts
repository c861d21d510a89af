/// <reference lib="webworker" />
/**
 * The page's file decoder, off the main thread: bytes in, Arrow IPC out, both moved (transferred), never copied,
 * so a large file neither freezes the page nor doubles in memory on the way. Parquet goes back a few row groups at
 * a time; a CSV reports its progress as it goes.
 */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { CsvDecodeError } from './csv';
import { inlineDecoder } from './decode-inline';
import type { WorkerAnswer, WorkerRequest } from './decode-worker';
import { UnreadableValueError } from './parquet-int96';

const decode = inlineDecoder(() => wasmUrl, { eager: true });
const answer = (a: WorkerAnswer, transfer: Transferable[] = []) => self.postMessage(a, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, format, bytes } = event.data;
  try {
    if (format === 'parquet') {
      // Each part goes as soon as it is decoded; the page's DuckDB takes it while the next one decodes.
      const { rows } = await decode.parquet(bytes, async (ipc, rowsSoFar) =>
        answer({ id, part: ipc, rowsSoFar }, [ipc.buffer])
      );
      answer({ id, parquet: { rows } });
    } else {
      const csv = await decode.csv(bytes, (progress) => answer({ id, progress }));
      answer({ id, csv }, [csv.ipc.buffer]);
    }
  } catch (e) {
    if (e instanceof UnreadableValueError) answer({ id, unreadable: e.unreadable });
    else if (e instanceof CsvDecodeError) answer({ id, csvError: { message: e.message, row: e.row } });
    else answer({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
