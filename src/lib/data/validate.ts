/**
 * Checks staged tables against the contract, in DuckDB, and returns every problem (capped) with the file,
 * column, first offending rows (1-based) and values. The same checks guard the build script and the browser.
 * Its SQL is made of the contract's column names and this code's own relation names only, so it goes in through
 * `trusted`: no value from a file is ever part of a statement's text.
 */
import { TABLE_NAMES, tableSpec, type ColumnSpec, type DuckType, type TableName } from './contract';
import { quoteIdent, quoteList, sql, trusted, type Db } from './db';
import { printable, type Problem } from './problem';
import {
  Collector,
  ROW,
  ROWS_PER_RULE,
  columnTypes,
  hits,
  partOf,
  type Hit,
  type StagedTable
} from './staged';

const SCALAR_TYPES =
  /^(VARCHAR|BOOLEAN|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|DATE|TIMESTAMP.*|TIME)$/;

/** SQL for a column's value cast to its contract type (NULL where it cannot be cast). */
export function typedColumn(column: ColumnSpec, alias?: string): string {
  const ref = alias ? `${alias}.${quoteIdent(column.name)}` : quoteIdent(column.name);
  return `TRY_CAST(${ref} AS ${column.type})`;
}

const TYPE_WORDS: Record<DuckType, string> = {
  VARCHAR: 'text',
  INTEGER: 'whole number (INTEGER)',
  DOUBLE: 'number (DOUBLE)',
  BOOLEAN: 'true/false (BOOLEAN)',
  DATE: 'date (DATE, YYYY-MM-DD)'
};

async function checkTypes(db: Db, s: StagedTable, column: ColumnSpec, actual: string, out: Collector) {
  if (actual === column.type) return;
  if (!SCALAR_TYPES.test(actual)) {
    out.add(s, column.name, null, null, `has type ${actual}; expected a ${TYPE_WORDS[column.type]}`);
    return;
  }
  const name = quoteIdent(column.name);
  const cast = typedColumn(column);
  let found: Hit[];
  if (actual === 'VARCHAR' || column.type === 'VARCHAR') {
    found = await hits(db, s.relation, name, `${name} IS NOT NULL AND ${cast} IS NULL`);
  } else {
    // Lossless means the cast value, cast back to the file's own type, equals the original: 2.0 → 2 is fine,
    // 2.5 → 3 is not, and neither is a DECIMAL with more digits than a DOUBLE holds. (`actual` passed SCALAR_TYPES.)
    try {
      found = await hits(
        db,
        s.relation,
        name,
        `${name} IS NOT NULL AND (${cast} IS NULL OR NOT (TRY_CAST(${cast} AS ${actual}) = ${name}))`
      );
    } catch {
      found = await hits(db, s.relation, name, `${name} IS NOT NULL AND ${cast} IS NULL`);
    }
  }
  for (const h of found) {
    out.add(s, column.name, h.row, h.value, `"${h.value}" is not a ${TYPE_WORDS[column.type]}`);
  }
}

async function checkColumn(db: Db, s: StagedTable, column: ColumnSpec, out: Collector) {
  const name = quoteIdent(column.name);
  const typed = typedColumn(column);
  if (column.notNull) {
    for (const h of await hits(db, s.relation, 'NULL', `${name} IS NULL`)) {
      out.add(s, column.name, h.row, null, 'a value is required here');
    }
  }
  if (column.values) {
    const allowed = quoteList(column.values);
    for (const h of await hits(
      db,
      s.relation,
      typed,
      `${typed} IS NOT NULL AND NOT list_contains(${allowed}, ${typed})`
    )) {
      out.add(s, column.name, h.row, h.value, `"${h.value}" is not one of: ${column.values.join(', ')}`);
    }
  }
  if (column.nonNegative) {
    for (const h of await hits(db, s.relation, typed, `${typed} < 0`)) {
      out.add(s, column.name, h.row, h.value, `must not be negative (found ${h.value})`);
    }
  }
  if (column.httpUrl) {
    const notHttp = `${typed} IS NOT NULL AND NOT regexp_matches(${typed}, '^https?://[^\\s]+$')`;
    for (const h of await hits(db, s.relation, typed, notHttp)) {
      out.add(s, column.name, h.row, h.value, 'a link must start with http:// or https://');
    }
  }
}

async function checkKey(db: Db, s: StagedTable, key: readonly string[], out: Collector) {
  const spec = tableSpec(s.table).columns;
  const parts = key.map((k) => typedColumn(spec.find((c) => c.name === k)!));
  const keySql = parts.length === 1 ? parts[0]! : `concat_ws(' / ', ${parts.join(', ')})`;
  const rows = await db.query<{ row: number; value: string; first: number }>(
    trusted(`SELECT CAST(row AS INTEGER) AS row, value, CAST(first AS INTEGER) AS first FROM (
       SELECT ${ROW} AS row, CAST(${keySql} AS VARCHAR) AS value,
              min(${ROW}) OVER (PARTITION BY ${parts.join(', ')}) AS first
       FROM ${quoteIdent(s.relation)} WHERE ${parts.map((p) => `${p} IS NOT NULL`).join(' AND ')}
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

async function checkReferences(
  db: Db,
  s: StagedTable,
  relationOf: (t: TableName) => string,
  out: Collector,
  references = tableSpec(s.table).references ?? []
) {
  for (const ref of references) {
    const column = tableSpec(s.table).columns.find((c) => c.name === ref.column)!;
    // Qualified: inside NOT EXISTS an unqualified name would resolve to the target table.
    const typed = typedColumn(column, 'staged');
    const target = quoteIdent(relationOf(ref.table));
    const targetColumn = typedColumn(
      tableSpec(ref.table).columns.find((c) => c.name === ref.targetColumn)!,
      't'
    );
    const found = await hits(
      db,
      s.relation,
      typed,
      `${typed} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${targetColumn} = ${typed})`
    );
    for (const h of found) {
      out.add(s, ref.column, h.row, h.value, `"${h.value}" is not a ${ref.targetColumn} in ${ref.table}`);
    }
  }
}

async function checkOrder(db: Db, s: StagedTable, out: Collector) {
  for (const [earlier, later] of tableSpec(s.table).ordered ?? []) {
    const spec = tableSpec(s.table).columns;
    const a = typedColumn(spec.find((c) => c.name === earlier)!);
    const b = typedColumn(spec.find((c) => c.name === later)!);
    const rows = await db.query<{ row: number; a: string; b: string }>(
      trusted(`SELECT CAST(${ROW} AS INTEGER) AS row, CAST(${a} AS VARCHAR) AS a, CAST(${b} AS VARCHAR) AS b
       FROM ${quoteIdent(s.relation)} WHERE ${b} < ${a} ORDER BY row LIMIT ${ROWS_PER_RULE}`)
    );
    for (const r of rows) {
      const [a, b] = [printable(r.a), printable(r.b)];
      out.add(s, later, r.row, b, `${later} ${b} is before ${earlier} ${a}`);
    }
  }
}

/** Memberships: a start year must be known or confirmed, and one entity's periods must not overlap. */
async function checkMembershipPeriods(db: Db, s: StagedTable, out: Collector) {
  const rel = quoteIdent(s.relation);
  for (const h of await hits(
    db,
    s.relation,
    'NULL',
    `TRY_CAST(from_year AS INTEGER) IS NULL AND TRY_CAST(confirmed_year AS INTEGER) IS NULL`
  )) {
    out.add(s, 'confirmed_year', h.row, null, 'a membership without from_year needs a confirmed_year');
  }
  const periods = `SELECT ${ROW} AS row, TRY_CAST(entity_id AS VARCHAR) AS entity,
      COALESCE(TRY_CAST(from_year AS INTEGER), TRY_CAST(confirmed_year AS INTEGER)) AS lo,
      COALESCE(TRY_CAST(to_year AS INTEGER), TRY_CAST(ended_by_year AS INTEGER) - 1, 2147483647) AS hi FROM ${rel}`;
  const rows = await db.query<{ row: number; other: number; entity: string }>(
    trusted(`WITH p AS (${periods})
     SELECT CAST(b.row AS INTEGER) AS row, CAST(a.row AS INTEGER) AS other, b.entity AS entity
     FROM p a JOIN p b ON a.entity = b.entity AND a.row < b.row AND a.lo <= b.hi AND b.lo <= a.hi
     ORDER BY b.row LIMIT ${ROWS_PER_RULE}`)
  );
  for (const r of rows) {
    const entity = printable(r.entity);
    out.add(s, 'from_year', r.row, entity, `period of "${entity}" overlaps its period at row ${r.other}`);
  }
}

/**
 * Validates the staged tables together; references resolve to a staged table where one is given, else to the
 * table already loaded under the contract name.
 */
export async function validateStaged(db: Db, staged: readonly StagedTable[]): Promise<Problem[]> {
  const out = new Collector();
  const relationOf = (t: TableName) => staged.find((s) => s.table === t)?.relation ?? t;
  const checkable: StagedTable[] = [];
  for (const s of staged) {
    const types = await columnTypes(db, s.relation);
    const spec = tableSpec(s.table).columns;
    const missing = spec.filter((c) => !types.has(c.name));
    for (const c of missing) out.add(s, c.name, null, null, 'this column is missing');
    if (missing.length > 0) continue;
    for (const c of spec) await checkTypes(db, s, c, types.get(c.name)!, out);
    checkable.push(s);
  }
  for (const s of checkable) {
    const spec = tableSpec(s.table);
    for (const c of spec.columns) await checkColumn(db, s, c, out);
    if ('key' in spec && spec.key) await checkKey(db, s, spec.key, out);
    await checkOrder(db, s, out);
    if (s.table === 'memberships') await checkMembershipPeriods(db, s, out);
    if (out.full) break;
  }
  // References need every table they point to in a checkable state.
  const referencable = (t: TableName) =>
    !staged.some((s) => s.table === t) || checkable.some((s) => s.table === t);
  for (const s of checkable) {
    if ((tableSpec(s.table).references ?? []).every((r) => referencable(r.table))) {
      await checkReferences(db, s, relationOf, out);
    }
  }
  // A table that stays loaded must still find what it references in the tables being replaced.
  const loaded = new Set(
    (await db.query<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables`)).map(
      (t) => t.name
    )
  );
  for (const table of TABLE_NAMES) {
    if (staged.some((s) => s.table === table) || !loaded.has(table)) continue;
    const references = (tableSpec(table).references ?? []).filter((r) =>
      checkable.some((s) => s.table === r.table)
    );
    if (references.length === 0) continue;
    const kept = { table, relation: table, file: `${table} (already loaded)` };
    await checkReferences(db, kept, relationOf, out, references);
  }
  return out.problems;
}

/** Columns a file has beyond the contract: ignored, but worth a notice. */
export async function extraColumns(db: Db, s: StagedTable): Promise<string[]> {
  const types = await columnTypes(db, s.relation);
  const known = new Set(tableSpec(s.table).columns.map((c) => c.name));
  return [...types.keys()].filter((name) => !known.has(name)).map((name) => printable(name));
}
