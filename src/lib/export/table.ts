/**
 * The rows a chart shows, as a typed table, ready to be written as CSV or Parquet.
 * Column names are snake_case, like the data contract's; types are fixed once here so every format agrees.
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';
export type Cell = string | number | boolean | null;

export interface ExportColumn {
  name: string;
  type: ColumnType;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: Cell[][];
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** No value, as a cell: null, undefined, and numbers that are no number (NaN, ±Infinity): never written as such. */
const isMissing = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

function typeOf(values: readonly unknown[]): ColumnType {
  const present = values.filter((v) => !isMissing(v));
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.length && present.every((v) => typeof v === 'number')) {
    const whole = present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
    return whole ? 'integer' : 'number';
  }
  return 'string';
}

function cell(value: unknown, type: ColumnType): Cell {
  if (isMissing(value)) return null;
  if (type === 'string') return String(value);
  return value as Cell;
}

/**
 * A table from query rows: one column per key (in the order of `keys`, or as they first appear), typed from
 * the values. Rows of different shapes (bars and needs ticks of one chart) share one table; a key absent from
 * a row, or a number that is no number, gives a null there (an empty cell), never a zero or "NaN".
 */
export function tableFromRows<T extends object>(
  rows: readonly T[],
  keys?: readonly (keyof T & string)[]
): ExportTable {
  const names = keys ?? ([...new Set(rows.flatMap((r) => Object.keys(r)))] as (keyof T & string)[]);
  const values = (key: string) => rows.map((r) => (r as Record<string, unknown>)[key]);
  const columns = names.map((key) => ({ name: snakeCase(key), type: typeOf(values(key)) }));
  const cells = names.map((key, i) => values(key).map((v) => cell(v, columns[i]!.type)));
  return { columns, rows: rows.map((_, r) => cells.map((column) => column[r] ?? null)) };
}

/** The same table with constant columns appended (used to make a CSV carry its own context). */
export function withConstantColumns(table: ExportTable, constants: Record<string, Cell>): ExportTable {
  const extra = Object.entries(constants);
  return {
    columns: [...table.columns, ...extra.map(([name, value]) => ({ name, type: typeOf([value]) }))],
    rows: table.rows.map((row) => [...row, ...extra.map(([, value]) => value)])
  };
}
