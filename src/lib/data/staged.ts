/**
 * A table waiting in DuckDB to be checked, and the bookkeeping of what is found in it: the offending rows (capped
 * per rule), each named by its own file and row when several files were appended, gathered into problems.
 */
import type { TableName } from './contract';
import { quoteIdent, quoteLiteral, trusted, type Db } from './db';
import { MAX_PROBLEMS, printable, problemMessage, type Problem } from './problem';

/** A table waiting in DuckDB to be checked: `relation` is a name this code generated, `file` what the user sees. */
export interface StagedTable {
  table: TableName;
  relation: string;
  file: string;
  /** For a set of files appended into one table, in order: each file and its rows, so a problem names its own. */
  parts?: readonly { file: string; rows: number }[];
}

/** The file and its own row for a row of a staged table (the parts' rows follow each other). */
export function partOf(staged: StagedTable, row: number | null): { file: string; row: number | null } {
  if (!staged.parts || row === null) return { file: staged.file, row };
  let first = 0;
  for (const part of staged.parts) {
    if (row <= first + part.rows) return { file: part.file, row: row - first };
    first += part.rows;
  }
  return { file: staged.file, row };
}

/** Rows reported per rule and column, so one broken column cannot hide every other problem. */
export const ROWS_PER_RULE = 10;
export const ROW = '(rowid + 1)';

/** Problems found in staged tables, capped at MAX_PROBLEMS, each named by its file, column and row. */
export class Collector {
  readonly problems: Problem[] = [];
  add(staged: StagedTable, column: string | null, at: number | null, value: string | null, detail: string) {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const { file, row } = partOf(staged, at);
    this.problems.push({
      file,
      table: staged.table,
      column,
      row,
      value,
      message: problemMessage({ file, column, row }, detail)
    });
  }
  get full() {
    return this.problems.length >= MAX_PROBLEMS;
  }
}

export interface Hit {
  row: number;
  value: string | null;
}

/** Rows of `relation` (aliased `staged`) where `condition` holds, with the offending value as text. */
export async function hits(db: Db, relation: string, valueSql: string, condition: string): Promise<Hit[]> {
  const rows = await db.query<Hit>(
    trusted(`SELECT CAST(${ROW} AS INTEGER) AS row, CAST(${valueSql} AS VARCHAR) AS value
     FROM ${quoteIdent(relation)} AS staged WHERE ${condition} ORDER BY row LIMIT ${ROWS_PER_RULE}`)
  );
  return rows.map((h) => ({ row: h.row, value: h.value === null ? null : printable(h.value) }));
}

/**
 * Relations' columns and their DuckDB types (relations this code named), in one query. Each relation's own
 * `pragma_table_info`: catalog-wide functions (duckdb_columns, information_schema) bind every built-in view
 * first, ~100 ms on the browser engine's first use.
 */
export async function columnTypesOf(
  db: Db,
  relations: readonly string[]
): Promise<Map<string, Map<string, string>>> {
  const types = new Map(relations.map((r) => [r, new Map<string, string>()]));
  if (relations.length === 0) return types;
  const rows = await db.query<{ relation: string; name: string; type: string }>(
    trusted(
      relations
        .map(
          (r, i) =>
            `SELECT ${quoteLiteral(r)} AS relation, name, type, ${i} AS n, cid FROM pragma_table_info(${quoteLiteral(r)})`
        )
        .join(' UNION ALL ') + ' ORDER BY n, cid'
    )
  );
  for (const r of rows) types.get(r.relation)?.set(r.name, r.type);
  return types;
}

/** A staged relation's columns and their DuckDB types. */
export async function columnTypes(db: Db, relation: string): Promise<Map<string, string>> {
  return (await columnTypesOf(db, [relation])).get(relation)!;
}
