/**
 * A CSV's text columns → Arrow vectors, built straight from typed arrays. Arrow's own builders compile their null
 * checks with `new Function`, which the app's Content Security Policy (rightly) forbids; this also avoids
 * per-value builder overhead on large files. (Parquet reaches Arrow through parquet-wasm.)
 */
import { Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

const isNull = (v: unknown) => v === null || v === undefined;

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

function textOf(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
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

/** A column of text (nulls where a value is missing) as an Arrow vector. */
export function textVector(values: ArrayLike<unknown>): Vector {
  const { bitmap, nullCount } = validity(values);
  return makeVector(textData(values, bitmap, nullCount));
}
