/**
 * Spark's INT96 timestamps hold any day, but Arrow (and so parquet-wasm) reads them as nanoseconds in 64 bits,
 * which end in 1677 and 2262: a date outside wraps round into another date, silently. Before decoding, the INT96
 * columns alone (there are rarely any) are read with hyparquet and every value outside that span is refused.
 */
import { parquetReadObjects, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { RefusedValue } from './problem';

/** A value the file holds that no decoder can carry over: its column, 1-based row and text. */
export type UnreadableValue = RefusedValue;

/** A decoder's refusal of one value (the file itself is fine): it travels from the worker as plain data. */
export class UnreadableValueError extends Error {
  constructor(readonly unreadable: UnreadableValue) {
    super(`"${unreadable.value}" ${unreadable.detail}`);
  }
}

const LIMIT = 2n ** 63n;

/** The day of `nanos` since 1970 as YYYY-MM-DD, for any day (BigInt arithmetic, no float rounding). */
function dayOf(nanos: bigint): string {
  const ms = nanos / 1_000_000n;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? `${nanos} ns` : date.toISOString().slice(0, 10);
}

/** The first INT96 value of the file that Arrow cannot hold, if any (`metadata` is the file's footer). */
export async function int96OutOfRange(
  bytes: Uint8Array,
  metadata: FileMetaData
): Promise<UnreadableValue | null> {
  const columns = metadata.schema.filter((e) => e.type === 'INT96').map((e) => e.name);
  if (columns.length === 0) return null;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const file = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
  const rows = await parquetReadObjects({
    file,
    metadata,
    columns,
    compressors,
    parsers: { timestampFromNanoseconds: (nanos: bigint) => nanos }
  });
  for (const [i, row] of rows.entries()) {
    for (const column of columns) {
      const nanos = row[column] as bigint | null | undefined;
      if (typeof nanos === 'bigint' && (nanos < -LIMIT || nanos >= LIMIT)) {
        return {
          column,
          row: i + 1,
          value: dayOf(nanos),
          detail: 'is outside the years 1677 to 2262 that a timestamp (INT96) can be read in'
        };
      }
    }
  }
  return null;
}
