/**
 * The contract's rules as checks over one staged table (those that relate rows are in relation-checks.ts). Each
 * check is a count (an expression in one aggregate
 * query over the table) and a report (the query that names the first offending rows). A table is checked in one
 * pass: the reports run only for the rules some row breaks, so a good file costs one query, not one per rule.
 * The SQL is made of the contract's column names and this code's relation names only (through `trusted`).
 */
import { PLAUSIBLE_YEARS, tableSpec, type ColumnSpec, type DuckType, type TableName } from './contract';
import { quoteIdent, quoteLiteral, trusted, type Db } from './db';
import { Collector, hits, type StagedTable } from './staged';

export interface Check {
  /**
   * How many rows break the rule: an aggregate over `relation AS staged`, or, when `alone`, a query of its own
   * (a join: inside the aggregate's filter it would be planned once per row group, several times slower).
   */
  count: string;
  alone?: boolean;
  /** Adds the first offending rows to the problems (nothing if there are none). */
  report(db: Db, out: Collector): Promise<void>;
}

/** SQL for a column's value cast to its contract type (NULL where it cannot be cast). */
export function typedColumn(column: ColumnSpec, alias?: string): string {
  const ref = alias ? `${alias}.${quoteIdent(column.name)}` : quoteIdent(column.name);
  return `TRY_CAST(${ref} AS ${column.type})`;
}

export const columnOf = (table: TableName, name: string) =>
  tableSpec(table).columns.find((c) => c.name === name)!;

/** A rule broken row by row: the rows where `condition` holds, each reported with `valueSql`'s text. */
export function rowCheck(
  s: StagedTable,
  column: string,
  valueSql: string,
  condition: string,
  detail: (value: string | null) => string,
  { alone = false } = {}
): Check {
  return {
    count: alone
      ? `(SELECT count(*) FROM ${quoteIdent(s.relation)} AS staged WHERE ${condition})`
      : `count(*) FILTER (WHERE ${condition})`,
    alone,
    async report(db, out) {
      for (const h of await hits(db, s.relation, valueSql, condition)) {
        out.add(s, column, h.row, h.value, detail(h.value));
      }
    }
  };
}

export const TYPE_WORDS: Record<DuckType, string> = {
  VARCHAR: 'text',
  INTEGER: 'whole number (INTEGER)',
  DOUBLE: 'number (DOUBLE)',
  BOOLEAN: 'true/false (BOOLEAN)',
  DATE: 'date (DATE, YYYY-MM-DD)'
};

/**
 * Values that do not cast to the contract's type. Between non-text types the cast must be lossless: cast back to
 * the file's own type it equals the original (2.0 → 2 is fine, 2.5 → 3 is not, nor a DECIMAL with more digits than
 * a DOUBLE holds). `actual` is a scalar type name DuckDB gave.
 */
export function typeCheck(s: StagedTable, column: ColumnSpec, actual: string): Check {
  const name = quoteIdent(column.name);
  const cast = typedColumn(column);
  const uncastable = `${name} IS NOT NULL AND ${cast} IS NULL`;
  const lossy =
    actual === 'VARCHAR' || column.type === 'VARCHAR'
      ? uncastable
      : `${name} IS NOT NULL AND (${cast} IS NULL OR NOT (TRY_CAST(${cast} AS ${actual}) = ${name}))`;
  const detail = (value: string | null) => `"${value}" is not a ${TYPE_WORDS[column.type]}`;
  const check = rowCheck(s, column.name, name, lossy, detail);
  return {
    count: check.count,
    async report(db, out) {
      // Some pairs of types cannot be cast back; for them a value that casts at all is taken.
      try {
        await check.report(db, out);
      } catch {
        await rowCheck(s, column.name, name, uncastable, detail).report(db, out);
      }
    }
  };
}

/** Required values, allowed values, finite numbers, plausible years, signs and links of one column. */
export function columnChecks(s: StagedTable, column: ColumnSpec, today = new Date()): Check[] {
  const name = quoteIdent(column.name);
  const typed = typedColumn(column);
  const checks: Check[] = [];
  if (column.notNull) {
    checks.push(rowCheck(s, column.name, 'NULL', `${name} IS NULL`, () => 'a value is required here'));
  }
  if (column.values) {
    const allowed = column.values.map(quoteLiteral).join(', ');
    const listed = column.values.join(', ');
    checks.push(
      rowCheck(
        s,
        column.name,
        typed,
        `${typed} IS NOT NULL AND ${typed} NOT IN (${allowed})`,
        (v) => `"${v}" is not one of: ${listed}`
      )
    );
  }
  if (column.type === 'DOUBLE') {
    // NaN and ±Infinity parse (from CSV text, or a Parquet file's floats) but are no amount.
    const nonFinite = `isnan(${typed}) OR isinf(${typed})`;
    checks.push(rowCheck(s, column.name, name, nonFinite, (v) => `"${v}" is not a finite number`));
  }
  if (column.year) {
    const { first } = PLAUSIBLE_YEARS;
    const last = PLAUSIBLE_YEARS.last(today);
    const year = column.type === 'DATE' ? `year(${typed})` : typed;
    const what = column.type === 'DATE' ? 'a date in a plausible year' : 'a plausible year';
    const outside = `${year} NOT BETWEEN ${first} AND ${last}`;
    checks.push(
      rowCheck(s, column.name, typed, outside, (v) => `"${v}" is not ${what} (${first} to ${last})`)
    );
  }
  if (column.nonNegative) {
    // A non-finite value is reported once, above.
    const negative = column.type === 'DOUBLE' ? `isfinite(${typed}) AND ${typed} < 0` : `${typed} < 0`;
    checks.push(rowCheck(s, column.name, typed, negative, (v) => `must not be negative (found ${v})`));
  }
  if (column.httpUrl) {
    const notHttp = `${typed} IS NOT NULL AND NOT regexp_matches(${typed}, '^https?://[^\\s]+$')`;
    checks.push(rowCheck(s, column.name, typed, notHttp, () => 'a link must start with http:// or https://'));
  }
  return checks;
}

/**
 * Runs checks over one table: one aggregate query counts every rule's offending rows, then only the broken rules
 * report theirs, in the checks' order. If the aggregate cannot run (an exotic type pairing), every rule reports.
 */
export async function runChecks(db: Db, s: StagedTable, checks: readonly Check[], out: Collector) {
  if (checks.length === 0) return;
  let broken: boolean[];
  const column = (c: Check, i: number) => `CAST(${c.count} AS INTEGER) AS c${i}`;
  const inPass = checks.map((c, i) => (c.alone ? null : column(c, i))).filter((c) => c !== null);
  const alone = checks.map((c, i) => (c.alone ? column(c, i) : null)).filter((c) => c !== null);
  const pass = `SELECT ${inPass.join(', ')} FROM ${quoteIdent(s.relation)} AS staged`;
  const statement =
    inPass.length === 0
      ? `SELECT ${alone.join(', ')}`
      : `SELECT pass.*${alone.map((c) => `, ${c}`).join('')} FROM (${pass}) AS pass`;
  try {
    const [counts] = await db.query<Record<string, number>>(trusted(statement));
    broken = checks.map((_, i) => (counts?.[`c${i}`] ?? 1) > 0);
  } catch {
    broken = checks.map(() => true);
  }
  for (const [i, check] of checks.entries()) {
    if (out.full) return;
    if (broken[i]) await check.report(db, out);
  }
}
