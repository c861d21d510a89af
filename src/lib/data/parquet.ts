/**
 * Parquet → Arrow IPC. duckdb-wasm reads Parquet only through an extension it downloads from the internet, which
 * this app must never do; so parquet-wasm (arrow-rs compiled to WebAssembly, served by this site) decodes the file,
 * with every codec a mainstream writer uses (Snappy, GZIP, ZSTD, LZ4, Brotli), in a worker of the page, and DuckDB
 * receives Arrow. hyparquet reads the footer first: cheap, and its errors say plainly what is wrong with a file
 * that is not Parquet.
 */
import { parquetMetadata, parquetSchema } from 'hyparquet';
import type { ParquetDecoder } from './parquet-decode';
import { UnreadableValueError, type UnreadableValue } from './parquet-int96';

export class ParquetDecodeError extends Error {}

let decoder: ParquetDecoder | null = null;

/** Set once by the environment: a worker of the page in the browser, the calling thread in Node. */
export function useParquetDecoder(d: ParquetDecoder): void {
  decoder = d;
}

/** A decoder that runs in a worker: each file's bytes are moved there and its Arrow moved back. */
export function workerDecoder(worker: Worker): ParquetDecoder {
  let next = 0;
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }>();
  type Answer = { id: number; ipc?: Uint8Array; unreadable?: UnreadableValue; error?: string };
  worker.onmessage = (event: MessageEvent<Answer>) => {
    const { id, ipc, unreadable, error } = event.data;
    const pending = waiting.get(id);
    waiting.delete(id);
    if (ipc) pending?.resolve(ipc);
    else if (unreadable) pending?.reject(new UnreadableValueError(unreadable));
    else pending?.reject(new Error(error ?? 'the decoder gave no answer'));
  };
  return (bytes) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      // The file's own buffer is moved (its bytes are not needed after decoding); a view of part of a larger
      // buffer is copied first, so nothing else is taken from the caller.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const moved = whole ? bytes : bytes.slice();
      worker.postMessage({ id, bytes: moved }, [moved.buffer]);
    });
}

/** Decodes a Parquet file into an Arrow IPC stream, keeping the file's column names and (flat) types. */
export async function parquetToArrowIPC(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => {}
): Promise<Uint8Array> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let schema;
  try {
    schema = parquetSchema(parquetMetadata(buffer));
  } catch (e) {
    throw new ParquetDecodeError(`not a readable Parquet file (${(e as Error).message})`);
  }
  const nested = schema.children.find((c) => c.children.length > 0);
  if (nested)
    throw new ParquetDecodeError(`column "${nested.element.name}" is nested; only flat columns are read`);
  if (!decoder) throw new Error('the Parquet decoder has not been set up');
  try {
    const ipc = await decoder(bytes);
    onProgress(1);
    return ipc;
  } catch (e) {
    if (e instanceof UnreadableValueError) throw e;
    throw new ParquetDecodeError(`the Parquet data is corrupt or truncated (${(e as Error).message})`);
  }
}
