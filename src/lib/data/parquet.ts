/**
 * Parquet → Arrow IPC. duckdb-wasm reads Parquet only through an extension it downloads from the internet, which
 * this app must never do; so parquet-wasm (arrow-rs compiled to WebAssembly, served by this site) decodes the file,
 * with every codec a mainstream writer uses (Snappy, GZIP, ZSTD, LZ4, Brotli), in a worker of the page, and DuckDB
 * receives Arrow. hyparquet reads the footer first: cheap, and its errors say plainly what is wrong with a file
 * that is not Parquet.
 */
import { parquetMetadata, parquetSchema, type FileMetaData } from 'hyparquet';
import { sameColumnTwice, sameColumnTwiceMessage } from './column-names';
import { decoder, type ArrowSink } from './decoder';
import { UnreadableValueError } from './parquet-int96';

export class ParquetDecodeError extends Error {}

/**
 * A file's footer (schema, row count), read from its last bytes alone: the footer's length is in the 4 bytes
 * before the closing "PAR1", so a large file is not copied to read it.
 */
export function parquetFooter(bytes: Uint8Array): FileMetaData {
  const size = bytes.byteLength;
  const length = size >= 12 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(size - 8, true) : size;
  const tail = length + 8 <= size ? bytes.slice(size - length - 8) : bytes.slice();
  return parquetMetadata(tail.buffer);
}

/**
 * Decodes a Parquet file into Arrow IPC streams of a few row groups each, given in order to `sink`, keeping the
 * file's column names and (flat) types. A failure of the sink itself is passed on as it is.
 */
export async function decodeParquet(
  bytes: Uint8Array,
  sink: (ipc: Uint8Array, rowsSoFar: number, rows: number) => Promise<void>
): Promise<{ rows: number }> {
  let metadata: FileMetaData;
  try {
    metadata = parquetFooter(bytes);
  } catch (e) {
    throw new ParquetDecodeError(`not a readable Parquet file (${(e as Error).message})`);
  }
  const columns = parquetSchema(metadata).children;
  const nested = columns.find((c) => c.children.length > 0);
  if (nested)
    throw new ParquetDecodeError(`column "${nested.element.name}" is nested; only flat columns are read`);
  const twice = sameColumnTwice(columns.map((c) => c.element.name));
  if (twice) throw new ParquetDecodeError(sameColumnTwiceMessage(twice));
  let sinkFailure: { error: unknown } | null = null;
  const guardedSink: ArrowSink = (ipc, rows) =>
    sink(ipc, rows, Number(metadata.num_rows)).catch((error: unknown) => {
      sinkFailure = { error };
      throw error;
    });
  try {
    return await decoder().parquet(bytes, guardedSink);
  } catch (e) {
    if (sinkFailure) throw (sinkFailure as { error: unknown }).error;
    if (e instanceof UnreadableValueError) throw e;
    throw new ParquetDecodeError(`the Parquet data is corrupt or truncated (${(e as Error).message})`);
  }
}
