/**
 * Plain JS column values → Arrow vectors, built straight from typed arrays. Arrow's own builders compile their
 * null checks with `new Function`, which the app's Content Security Policy (rightly) forbids; this also avoids
 * per-value builder overhead on large files.
 */
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Int64,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  type DataType,
  type Vector
} from 'apache-arrow';

export type ColumnKind = 'bool' | 'int32' | 'int64' | 'float64' | 'date' | 'timestamp' | 'text';

const isNull = (v: unknown) => v === null || v === undefined;
const DAY_MS = 86_400_000;

/** A validity bitmap (bit set = value present) and the count of nulls. */
function validity(values: ArrayLike<unknown>): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (isNull(values[i])) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nullCount };
}

function epochMs(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
  return String(v);
}

/**
 * UTF-8 for a whole column into one buffer: ASCII (most ids and codes) is copied a character at a time, anything
 * else goes through encodeInto. Encoding string by string allocated an array per value and was the slowest step
 * of loading a large file.
 */
function textData(values: ArrayLike<unknown>, bitmap: Uint8Array, nullCount: number) {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(values.length + 1);
  let data = new Uint8Array(1024);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isNull(v)) {
      const text = textOf(v);
      // At most 3 bytes per UTF-16 unit.
      if (size + text.length * 3 > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, size + text.length * 3));
        grown.set(data.subarray(0, size));
        data = grown;
      }
      let j = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c >= 0x80) break;
        data[size + j] = c;
      }
      size += j < text.length ? j + encoder.encodeInto(text.slice(j), data.subarray(size + j)).written : j;
    }
    valueOffsets[i + 1] = size;
  }
  data = data.slice(0, size);
  return makeData({
    type: new Utf8(),
    length: values.length,
    nullCount,
    nullBitmap: bitmap,
    valueOffsets,
    data
  });
}

/** Encodes one column; values that do not fit `kind` must already have been routed to `text`. */
export function toArrowVector(values: ArrayLike<unknown>, kind: ColumnKind): Vector {
  const { bitmap, nullCount } = validity(values);
  const length = values.length;
  const nullBitmap = nullCount > 0 ? bitmap : undefined;
  const fill = <A extends { [i: number]: number | bigint }>(
    array: A,
    map: (v: unknown) => number | bigint
  ) => {
    for (let i = 0; i < length; i++) if (!isNull(values[i])) array[i] = map(values[i]);
    return array;
  };
  let type: DataType;
  let data: Int32Array | Float64Array | BigInt64Array | Uint8Array;
  switch (kind) {
    case 'bool': {
      type = new Bool();
      const bits = new Uint8Array(Math.ceil(length / 8));
      for (let i = 0; i < length; i++) if (values[i] === true) bits[i >> 3]! |= 1 << (i & 7);
      data = bits;
      break;
    }
    case 'int32':
      type = new Int32();
      data = fill(new Int32Array(length), Number);
      break;
    case 'int64':
      type = new Int64();
      data = fill(new BigInt64Array(length), (v) => BigInt(v as bigint | number));
      break;
    case 'float64':
      type = new Float64();
      data = fill(new Float64Array(length), Number);
      break;
    case 'date':
      type = new DateDay();
      data = fill(new Int32Array(length), (v) => Math.floor(epochMs(v) / DAY_MS));
      break;
    case 'timestamp':
      type = new TimestampMillisecond();
      data = fill(new BigInt64Array(length), (v) => BigInt(Math.round(epochMs(v))));
      break;
    case 'text':
      return makeVector(textData(values, bitmap, nullCount));
  }
  return makeVector(
    makeData({ type, length, nullCount, nullBitmap, data } as Parameters<typeof makeData>[0])
  );
}
