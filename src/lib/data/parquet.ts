/**
 * Parquet → Arrow IPC. duckdb-wasm reads Parquet only through an extension it downloads from the internet, which
 * this app must never do; so parquet-wasm (arrow-rs compiled to WebAssembly, served by this site) decodes the file,
 * with every codec a mainstream writer uses (Snappy, GZIP, ZSTD, LZ4, Brotli), and DuckDB receives Arrow. hyparquet
 * reads the footer first: cheap, and its errors say plainly what is wrong with a file that is not Parquet.
 */
import init, { readParquet, type InitInput } from 'parquet-wasm/esm';
import { parquetMetadata, parquetSchema } from 'hyparquet';

export class ParquetDecodeError extends Error {}

/** Where the decoder's WebAssembly comes from: set once by the environment (a URL of this site, or bytes in Node). */
export type ParquetWasmSource = () => InitInput | Promise<InitInput>;

let source: ParquetWasmSource | null = null;
let ready: Promise<unknown> | null = null;

export function parquetDecoderFrom(wasm: ParquetWasmSource): void {
  source = wasm;
  ready = null;
}

/** Starts compiling the decoder (once); a load that needs it waits for the same promise. */
export function parquetDecoder(): Promise<unknown> {
  if (!source) return Promise.reject(new Error('the Parquet decoder has not been given its WebAssembly'));
  const wasm = source;
  return (ready ??= Promise.resolve(wasm()).then((module_or_path) => init({ module_or_path })));
}

/** Record batches of this many rows: fewer, larger batches reach DuckDB faster than the default of 1,024. */
const BATCH_ROWS = 122_880;

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
  await parquetDecoder();
  try {
    const ipc = readParquet(bytes, { batchSize: BATCH_ROWS }).intoIPCStream();
    onProgress(1);
    return ipc;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The release build strips the decoder's own error strings; say what is known.
    const detail = message.includes('Error strings stripped') ? 'a data page could not be decoded' : message;
    throw new ParquetDecodeError(`the Parquet data is corrupt or truncated (${detail})`);
  }
}
