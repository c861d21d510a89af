/**
 * Where files are decoded: in a worker of the page in the browser (decode-worker.ts), on the calling thread in Node
 * (decode-inline.ts, for tests, the build and the benchmark). The environment sets one; the loader uses it.
 */
import type { TextEncoding } from './csv';

/** A CSV decoded to Arrow: its separator (decimal commas go with semicolons and tabs), encoding and rows. */
export interface DecodedCsv {
  ipc: Uint8Array;
  delimiter: string;
  encoding: TextEncoding;
  rows: number;
}

/** How far a decode has come: bytes of the file read and rows made so far. */
export type DecodeProgress = (done: { bytes: number; rows: number }) => void;

export interface FileDecoder {
  /** Parquet → Arrow IPC. Fails with a plain reason, or an UnreadableValueError naming one value. */
  parquet(bytes: Uint8Array): Promise<Uint8Array>;
  /** CSV → Arrow IPC of text columns. Fails with a CsvDecodeError (with its row where it has one). */
  csv(bytes: Uint8Array, onProgress?: DecodeProgress): Promise<DecodedCsv>;
}

let current: FileDecoder | null = null;

/** Set once by the environment. */
export function useDecoder(d: FileDecoder): void {
  current = d;
}

export function decoder(): FileDecoder {
  if (!current) throw new Error('the file decoder has not been set up');
  return current;
}
