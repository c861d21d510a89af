/**
 * The contract's rules as checks over one staged table. Each check is a count (an expression in one aggregate
 * query over the table) and a report (the query that names the first offending rows). A table is checked in one
 * pass: the reports run only for the rules some row breaks, so a good file costs one query, not one per rule.
 * The SQL is made of the contract's column names and this code's relation names only (through `trusted`).
 */
import { PLAUSIBLE_YEARS, tableSpec, type ColumnSpec, type DuckType, type TableName } from './contract';
import { quoteIdent, quoteLiteral, trusted, type Db } from './db';
import { printable } from './problem';
import { Collector, ROW, ROWS_PER_RULE, hits, partOf, type StagedTable } from './staged';

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

const columnOf = (table: TableName, name: string) => tableSpec(table).columns.find((c) => c.name === name)!;

/** A rule broken row by row: the rows where `condition` holds, each reported with `valueSql`'s text. */
function rowCheck(
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

/** A key's values are unique: each repeat is reported with where its first occurrence is. */
export function keyCheck(s: StagedTable, key: readonly string[]): Check {
  const parts = key.map((k) => typedColumn(columnOf(s.table, k)));
  const present = parts.map((p) => `${p} IS NOT NULL`).join(' AND ');
  const keySql = parts.length === 1 ? parts[0]! : `concat_ws(' / ', ${parts.join(', ')})`;
  const distinct = parts.length === 1 ? parts[0]! : `struct_pack(${parts.join(', ')})`;
  return {
    count: `count(*) FILTER (WHERE ${present}) - count(DISTINCT ${distinct}) FILTER (WHERE ${present})`,
    async report(db, out) {
      const rows = await db.query<{ row: number; value: string; first: number }>(
        trusted(`SELECT CAST(row AS INTEGER) AS row, value, CAST(first AS INTEGER) AS first FROM (
           SELECT ${ROW} AS row, CAST(${keySql} AS VARCHAR) AS value,
                  min(${ROW}) OVER (PARTITION BY ${parts.join(', ')}) AS first
           FROM ${quoteIdent(s.relation)} WHERE ${present}
         ) WHERE row <> first ORDER BY row LIMIT ${ROWS_PER_RULE}`)
      );
      const column = key.join(', ');
      for (const r of rows) {
        const value = printable(r.value);
        const first = partOf(s, r.first);
        const where =
          first.file === partOf(s, r.row).file ? `row ${first.row}` : `${first.file}, row ${first.row}`;
        out.add(s, column, r.row, value, `duplicate key "${value}" (first at ${where})`);
      }
    }
  };
}

/** A later column (an end year) is not before its earlier one. */
export function orderCheck(s: StagedTable, earlier: string, later: string): Check {
  const a = typedColumn(columnOf(s.table, earlier));
  const b = typedColumn(columnOf(s.table, later));
  return {
    count: `count(*) FILTER (WHERE ${b} < ${a})`,
    async report(db, out) {
      const rows = await db.query<{ row: number; a: string; b: string }>(
        trusted(`SELECT CAST(${ROW} AS INTEGER) AS row, CAST(${a} AS VARCHAR) AS a, CAST(${b} AS VARCHAR) AS b
         FROM ${quoteIdent(s.relation)} WHERE ${b} < ${a} ORDER BY row LIMIT ${ROWS_PER_RULE}`)
      );
      for (const r of rows) {
        const [a, b] = [printable(r.a), printable(r.b)];
        out.add(s, later, r.row, b, `${later} ${b} is before ${earlier} ${a}`);
      }
    }
  };
}

/** Memberships: a start year must be known or confirmed, and one entity's periods must not overlap. */
export function membershipChecks(s: StagedTable): Check[] {
  const periods = `SELECT ${ROW} AS row, TRY_CAST(entity_id AS VARCHAR) AS entity,
      COALESCE(TRY_CAST(from_year AS INTEGER), TRY_CAST(confirmed_year AS INTEGER)) AS lo,
      COALESCE(TRY_CAST(to_year AS INTEGER), TRY_CAST(ended_by_year AS INTEGER) - 1, 2147483647) AS hi
      FROM ${quoteIdent(s.relation)}`;
  const overlaps = `WITH p AS (${periods}) SELECT CAST(b.row AS INTEGER) AS row, CAST(a.row AS INTEGER) AS other,
      b.entity AS entity FROM p a JOIN p b ON a.entity = b.entity AND a.row < b.row AND a.lo <= b.hi AND b.lo <= a.hi`;
  const unstarted = rowCheck(
    s,
    'confirmed_year',
    'NULL',
    'TRY_CAST(from_year AS INTEGER) IS NULL AND TRY_CAST(confirmed_year AS INTEGER) IS NULL',
    () => 'a membership without from_year needs a confirmed_year'
  );
  const overlapping: Check = {
    count: `(SELECT count(*) FROM (${overlaps}))`,
    alone: true,
    async report(db, out) {
      const rows = await db.query<{ row: number; other: number; entity: string }>(
        trusted(`${overlaps} ORDER BY b.row LIMIT ${ROWS_PER_RULE}`)
      );
      for (const r of rows) {
        const entity = printable(r.entity);
        out.add(s, 'from_year', r.row, entity, `period of "${entity}" overlaps its period at row ${r.other}`);
      }
    }
  };
  return [unstarted, overlapping];
}

/** Values that must name a row of another table (staged or, if not staged, already loaded). */
export function referenceChecks(
  s: StagedTable,
  relationOf: (t: TableName) => string,
  references = tableSpec(s.table).references ?? []
): Check[] {
  return references.map((ref) => {
    // Qualified: inside NOT EXISTS an unqualified name would resolve to the target table.
    const typed = typedColumn(columnOf(s.table, ref.column), 'staged');
    const target = quoteIdent(relationOf(ref.table));
    const targetColumn = typedColumn(columnOf(ref.table, ref.targetColumn), 't');
    const missing = `${typed} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${targetColumn} = ${typed})`;
    return rowCheck(
      s,
      ref.column,
      typed,
      missing,
      (v) => `"${v}" is not a ${ref.targetColumn} in ${ref.table}`,
      { alone: true }
    );
  });
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
