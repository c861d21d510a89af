/**
 * What a chart may draw. A chart is a pure function of its rows, and a row whose numbers are not numbers (NaN,
 * ±Infinity, or null where a number is required) has no place on it: it is left out, so no mark, label or tooltip
 * ever reads "NaN" or "Infinity". (The loader refuses such values in the data; this keeps the charts honest
 * whatever reaches them.)
 */

/** A number a chart can place or print. */
export const isDrawable = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * The rows whose `required` numbers are all drawable; in them, `optional` numbers that are not drawable become
 * null, which the chart says as "not recorded".
 */
export function drawable<T extends object>(
  rows: readonly T[],
  required: readonly (keyof T)[],
  optional: readonly (keyof T)[] = []
): T[] {
  return rows
    .filter((r) => required.every((k) => isDrawable(r[k])))
    .map((r) =>
      optional.some((k) => r[k] !== null && !isDrawable(r[k]))
        ? { ...r, ...Object.fromEntries(optional.filter((k) => !isDrawable(r[k])).map((k) => [k, null])) }
        : r
    );
}
