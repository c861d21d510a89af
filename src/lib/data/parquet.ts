/**
 * Parquet → Arrow IPC, in plain JavaScript. duckdb-wasm reads Parquet only through an extension it downloads
 * from the internet, which this app must never do; so hyparquet decodes the file and DuckDB receives Arrow.
 */
import { parquetMetadata, parquetRead, parquetSchema, type SchemaTree } from 'hyparquet';
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { toArrowVector, type ColumnKind } from './arrow-columns';

export class ParquetDecodeError extends Error {}

/** The Arrow column a flat Parquet column becomes; anything unusual becomes text, checked by the validator. */
function columnKind(node: SchemaTree): ColumnKind {
  const el = node.element;
  const logical = el.logical_type?.type;
  const decimal = logical === 'DECIMAL' || el.converted_type === 'DECIMAL';
  switch (el.type) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT32':
      if (logical === 'DATE' || el.converted_type === 'DATE') return 'date';
      return decimal || el.converted_type === 'UINT_32' ? 'float64' : 'int32';
    case 'INT64':
      if (logical === 'TIMESTAMP' || el.converted_type?.startsWith('TIMESTAMP')) return 'timestamp';
      return decimal ? 'float64' : 'int64';
    case 'INT96':
      return 'timestamp';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float64';
    default:
      return decimal ? 'float64' : 'text';
  }
}

/** Decodes a Parquet file into an Arrow IPC stream, keeping the file's column names and (flat) types. */
export async function parquetToArrowIPC(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => {}
): Promise<Uint8Array> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    throw new ParquetDecodeError(`not a readable Parquet file (${(e as Error).message})`);
  }
  const schema = parquetSchema(metadata);
  const nested = schema.children.find((c) => c.children.length > 0);
  if (nested)
    throw new ParquetDecodeError(`column "${nested.element.name}" is nested; only flat columns are read`);
  const rowCount = Number(metadata.num_rows);
  const columns = new Map<string, unknown[]>(
    schema.children.map((c) => [c.element.name, new Array(rowCount)])
  );
  try {
    // One row group at a time, giving the page a turn in between: a large file never freezes it.
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      await parquetRead({
        file: buffer,
        metadata,
        rowStart: start,
        rowEnd: end,
        onChunk({ columnName, columnData, rowStart, rowEnd }) {
          const target = columns.get(columnName);
          if (!target) return;
          for (let i = rowStart; i < rowEnd && i < rowCount; i++) target[i] = columnData[i - rowStart];
        }
      });
      start = end;
      onProgress(start / Math.max(1, rowCount));
      await new Promise((resume) => setTimeout(resume, 0));
    }
  } catch (e) {
    throw new ParquetDecodeError(`the Parquet data is corrupt or truncated (${(e as Error).message})`);
  }
  const vectors: Record<string, Vector> = {};
  for (const node of schema.children) {
    vectors[node.element.name] = toArrowVector(columns.get(node.element.name) ?? [], columnKind(node));
  }
  return tableToIPC(new Table(vectors), 'stream');
}
