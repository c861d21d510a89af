/**
 * The contract's rules that relate rows: a key's values unique, a later year not before an earlier one, one
 * entity's membership periods apart, and references that name a row of another table. Checks like those of
 * checks.ts: a count in the table's one aggregate query (or a query of its own), and a report of the first rows.
 */
import { tableSpec, type TableName } from './contract';
import { quoteIdent, trusted } from './db';
import { printable } from './problem';
import { ROW, ROWS_PER_RULE, partOf, type StagedTable } from './staged';
import { columnOf, rowCheck, typedColumn, type Check } from './checks';

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
