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

/**
 * Takes a Parquet file's Arrow a part at a time (an IPC stream of some row groups, and the rows so far), so that
 * DuckDB ingests one part while the next is decoded, and neither side ever holds the whole file's Arrow.
 */
export type ArrowSink = (ipc: Uint8Array, rowsSoFar: number) => Promise<void>;

export interface FileDecoder {
  /**
   * Parquet → Arrow IPC parts, in order, each awaited by `sink` before the next. Fails with a plain reason, an
   * UnreadableValueError naming one value, or whatever the sink throws.
   */
  parquet(bytes: Uint8Array, sink: ArrowSink): Promise<{ rows: number }>;
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
