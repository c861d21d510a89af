/**
 * Checks staged tables against the contract, in DuckDB, and returns every problem (capped) with the file,
 * column, first offending rows (1-based) and values. The same checks guard the build script and the browser.
 * A good table costs one aggregate query (checks.ts); only broken rules look for their rows.
 */
import { TABLE_NAMES, tableSpec, type TableName } from './contract';
import { sql, type Db } from './db';
import { printable, type Problem } from './problem';
import { Collector, columnTypesOf, type StagedTable } from './staged';
import { TYPE_WORDS, columnChecks, runChecks, typeCheck, type Check } from './checks';
import { keyCheck, membershipChecks, orderCheck, referenceChecks } from './relation-checks';

const SCALAR_TYPES =
  /^(VARCHAR|BOOLEAN|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|DATE|TIMESTAMP.*|TIME)$/;

/** Every rule of the contract over one table whose columns are all there. */
function tableChecks(s: StagedTable, types: ReadonlyMap<string, string>, out: Collector): Check[] {
  const spec = tableSpec(s.table);
  const checks: Check[] = [];
  for (const c of spec.columns) {
    const actual = types.get(c.name)!;
    if (actual === c.type) continue;
    if (SCALAR_TYPES.test(actual)) checks.push(typeCheck(s, c, actual));
    else out.add(s, c.name, null, null, `has type ${actual}; expected a ${TYPE_WORDS[c.type]}`);
  }
  for (const c of spec.columns) checks.push(...columnChecks(s, c));
  if ('key' in spec && spec.key) checks.push(keyCheck(s, spec.key));
  for (const [earlier, later] of spec.ordered ?? []) checks.push(orderCheck(s, earlier, later));
  if (s.table === 'memberships') checks.push(...membershipChecks(s));
  return checks;
}

/**
 * Validates the staged tables together; references resolve to a staged table where one is given, else to the
 * table already loaded under the contract name.
 */
export async function validateStaged(
  db: Db,
  staged: readonly StagedTable[],
  /** The staged relations' columns and types, when the caller knows them (staging read them). */
  known?: ReadonlyMap<string, ReadonlyMap<string, string>>
): Promise<Problem[]> {
  const out = new Collector();
  const relationOf = (t: TableName) => staged.find((s) => s.table === t)?.relation ?? t;
  const checkable: { s: StagedTable; types: ReadonlyMap<string, string> }[] = [];
  const typesOf =
    known ??
    (await columnTypesOf(
      db,
      staged.map((s) => s.relation)
    ));
  for (const s of staged) {
    const types = typesOf.get(s.relation)!;
    const missing = tableSpec(s.table).columns.filter((c) => !types.has(c.name));
    for (const c of missing) out.add(s, c.name, null, null, 'this column is missing');
    if (missing.length === 0) checkable.push({ s, types });
  }
  // References need every table they point to in a checkable state.
  const referencable = (t: TableName) =>
    !staged.some((s) => s.table === t) || checkable.some(({ s }) => s.table === t);
  for (const { s, types } of checkable) {
    const checks = tableChecks(s, types, out);
    if ((tableSpec(s.table).references ?? []).every((r) => referencable(r.table))) {
      checks.push(...referenceChecks(s, relationOf));
    }
    await runChecks(db, s, checks, out);
    if (out.full) break;
  }
  // A table that stays loaded must still find what it references in the tables being replaced.
  const loaded = new Set(
    (await db.query<{ name: string }>(sql`SELECT table_name AS name FROM duckdb_tables()`)).map((t) => t.name)
  );
  for (const table of TABLE_NAMES) {
    if (staged.some((s) => s.table === table) || !loaded.has(table)) continue;
    const references = (tableSpec(table).references ?? []).filter((r) =>
      checkable.some(({ s }) => s.table === r.table)
    );
    if (references.length === 0) continue;
    const kept = { table, relation: table, file: `${table} (already loaded)` };
    await runChecks(db, kept, referenceChecks(kept, relationOf, references), out);
  }
  return out.problems;
}

/** Columns a file has beyond the contract (`columns`: the staged relation's): ignored, but worth a notice. */
export function extraColumns(s: StagedTable, columns: ReadonlyMap<string, string>): string[] {
  const known = new Set(tableSpec(s.table).columns.map((c) => c.name));
  return [...columns.keys()].filter((name) => !known.has(name)).map((name) => printable(name));
}
