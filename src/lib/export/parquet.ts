/**
 * Parquet written in the browser (hyparquet-writer, the companion of the reader the app already uses), with the
 * chart's context as key-value metadata so the file stands on its own.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnType, ExportTable } from './table';

const PARQUET_TYPE = {
  string: 'STRING',
  integer: 'INT32',
  number: 'DOUBLE',
  boolean: 'BOOLEAN'
} as const satisfies Record<ColumnType, string>;

export function toParquet(table: ExportTable, metadata: Record<string, string>): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map((column, i) => ({
      name: column.name,
      type: PARQUET_TYPE[column.type],
      data: table.rows.map((row) => row[i])
    })),
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'GP Dashboard'
  });
  return new Uint8Array(buffer);
}
