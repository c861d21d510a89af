/**
 * The page's side of the decode worker (decode.worker.ts): each file's bytes are moved there and its Arrow moved
 * back; failures come back as data and become the same errors the inline decoder throws.
 */
import { CsvDecodeError } from './csv';
import type { ArrowSink, DecodeProgress, DecodedCsv, FileDecoder } from './decoder';
import { UnreadableValueError, type UnreadableValue } from './parquet-int96';

export interface WorkerRequest {
  id: number;
  format: 'parquet' | 'csv';
  bytes: Uint8Array;
}

export type WorkerAnswer = { id: number } & (
  | { part: Uint8Array; rowsSoFar: number }
  | { parquet: { rows: number } }
  | { csv: DecodedCsv }
  | { progress: { bytes: number; rows: number } }
  | { unreadable: UnreadableValue }
  | { csvError: { message: string; row: number | null } }
  | { error: string }
);

interface Pending {
  resolve(answer: WorkerAnswer): void;
  reject(e: unknown): void;
  onProgress?: DecodeProgress;
  sink?: ArrowSink;
  /** The parts given to the sink so far, one after another: the answer waits for the last. */
  sunk: Promise<void>;
}

export function workerDecoder(worker: Worker): FileDecoder {
  let next = 0;
  const waiting = new Map<number, Pending>();
  worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
    const pending = waiting.get(data.id);
    if (!pending) return;
    if ('progress' in data) return pending.onProgress?.(data.progress);
    if ('part' in data) {
      const { sink } = pending;
      pending.sunk = pending.sunk.then(() => sink?.(data.part, data.rowsSoFar));
      return;
    }
    waiting.delete(data.id);
    // A sink's failure (DuckDB refusing a part) is the answer, whatever the worker says after it.
    pending.sunk.then(
      () => {
        if ('unreadable' in data) pending.reject(new UnreadableValueError(data.unreadable));
        else if ('csvError' in data)
          pending.reject(new CsvDecodeError(data.csvError.message, data.csvError.row));
        else if ('error' in data) pending.reject(new Error(data.error));
        else pending.resolve(data);
      },
      (e: unknown) => pending.reject(e)
    );
  };
  const ask = (
    format: WorkerRequest['format'],
    bytes: Uint8Array,
    { onProgress, sink }: { onProgress?: DecodeProgress; sink?: ArrowSink }
  ) =>
    new Promise<WorkerAnswer>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject, onProgress, sink, sunk: Promise.resolve() });
      // The file's own buffer is moved (its bytes are not needed after decoding); a view of part of a larger
      // buffer is copied first, so nothing else is taken from the caller.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const moved = whole ? bytes : bytes.slice();
      worker.postMessage({ id, format, bytes: moved } satisfies WorkerRequest, [moved.buffer]);
    });
  return {
    async parquet(bytes, sink) {
      const answer = await ask('parquet', bytes, { sink });
      if (!('parquet' in answer)) throw new Error('the decoder gave no Parquet answer');
      return answer.parquet;
    },
    async csv(bytes, onProgress) {
      const answer = await ask('csv', bytes, { onProgress });
      if (!('csv' in answer)) throw new Error('the decoder gave no CSV answer');
      return answer.csv;
    }
  };
}
