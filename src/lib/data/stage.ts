/**
 * Every file of a load into its own staging table in DuckDB, as the file has it (its columns and types): decoded
 * all at once, inserted as they arrive, a set of files for one table appended in order. Nothing is checked against
 * the contract here, and nothing a view reads is touched.
 */
import { tableSpec, type TableName } from './contract';
import { normaliseLocale } from './csv-locale';
import { quoteIdent, trusted, type ArrowDb, type Db } from './db';
import { printable, type Problem } from './problem';
import { respellings } from './column-names';
import {
  decodeProblem,
  readExtract,
  valueProblem,
  type Decoded,
  type ExtractFile,
  type LoadProgress
} from './read-extract';
import { columnTypes, columnTypesOf, type StagedTable } from './staged';

export const stagingRelation = (table: TableName) => `staging_${table}`;

/** A file's own staging relation: its table's, or one part of a set of files for one table (appended later). */
function relationOf(files: readonly ExtractFile[], f: ExtractFile): string {
  const mine = files.filter((g) => g.table === f.table);
  return mine.length === 1 ? stagingRelation(f.table) : `${stagingRelation(f.table)}_part${mine.indexOf(f)}`;
}

/** Drops every staging relation a load of these files makes, in one round trip (no catalog query: they are known). */
export async function dropStaging(db: Db, files: readonly ExtractFile[]): Promise<void> {
  const names = new Set(files.flatMap((f) => [stagingRelation(f.table), relationOf(files, f)]));
  await db.exec([...names].map((name) => `DROP TABLE IF EXISTS ${quoteIdent(name)};`).join(' '));
}

/**
 * A staged file without an optional column gets it, empty: extracts made before the column existed still load.
 * `columns` (the relation's, if known) gains what is added.
 */
export async function addOptionalColumns(
  db: Db,
  relation: string,
  table: TableName,
  columns?: Map<string, string>
): Promise<void> {
  const present = columns ?? (await columnTypes(db, relation));
  for (const c of tableSpec(table).columns) {
    if (!c.optional || present.has(c.name)) continue;
    await db.exec(`ALTER TABLE ${quoteIdent(relation)} ADD COLUMN ${quoteIdent(c.name)} ${c.type}`);
    present.set(c.name, c.type);
  }
}

/** Several files for one table, staged one by one, appended in their order (columns matched by name). */
async function appendParts(
  db: ArrowDb,
  relation: string,
  parts: readonly { relation: string; file: string }[]
): Promise<{ file: string; rows: number }[]> {
  const sized = [];
  for (const p of parts) {
    const [{ n }] = (await db.query<{ n: number }>(
      trusted(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${quoteIdent(p.relation)}`)
    )) as [{ n: number }];
    sized.push({ file: p.file, rows: n });
  }
  const union = parts
    .map((p, i) => `SELECT *, ${i} AS __part, rowid AS __row FROM ${quoteIdent(p.relation)}`)
    .join(' UNION ALL BY NAME ');
  await db.exec(
    `CREATE TABLE ${quoteIdent(relation)} AS SELECT * EXCLUDE (__part, __row) FROM (${union}) ORDER BY __part, __row`
  );
  for (const p of parts) await db.exec(`DROP TABLE ${quoteIdent(p.relation)}`);
  return sized;
}

export interface Staging {
  staged: StagedTable[];
  /** Files that could not be read, or values their locale leaves ambiguous. */
  problems: Problem[];
  /** What to tell: encodings guessed, files appended. */
  notices: string[];
  rows: number;
  /** Each staged relation's columns and DuckDB types, as staged. */
  types: Map<string, Map<string, string>>;
}

type Outcome = { decoded: Decoded } | { error: unknown };

/**
 * Gives the contract's spelling to the columns a file spells otherwise (` Amount_USD ` → `amount_usd`) and says
 * so. The names come from DuckDB's catalog of the staged table, quoted as identifiers.
 */
async function respellColumns(
  db: Db,
  files: readonly ExtractFile[],
  onProgress: LoadProgress
): Promise<string[]> {
  const relations = files.map((f) => relationOf(files, f));
  const names = await columnTypesOf(db, relations);
  const notices: string[] = [];
  for (const [i, f] of files.entries()) {
    const relation = quoteIdent(relations[i]!);
    const renames = respellings(f.table, [...names.get(relations[i]!)!.keys()]);
    if (renames.length === 0) continue;
    onProgress({ step: `Matching the columns of ${f.file}`, fraction: 1 });
    await db.exec(
      renames
        .map((r) => `ALTER TABLE ${relation} RENAME COLUMN ${quoteIdent(r.from)} TO ${quoteIdent(r.to)};`)
        .join('\n')
    );
    const words = renames.map((r) => `"${printable(r.from)}" as ${r.to}`).join(', ');
    notices.push(`${f.file}: columns matched under another spelling: ${words}.`);
  }
  return notices;
}

/**
 * Reads every file into a table of its own, all handed to the decoder at once (it never waits for DuckDB between
 * two files). The inserts go in one transaction: DuckDB then appends a file's parts without re-committing its
 * table each time (a million rows in 9 parts: ~0.8 s rather than ~1.5 s). Inside it rowids are not yet the
 * table's, so nothing here numbers rows; if any file fails, none is kept.
 */
async function readAll(
  db: ArrowDb,
  files: readonly ExtractFile[],
  relationOf: (f: ExtractFile) => string,
  onProgress: LoadProgress
) {
  await db.exec('BEGIN TRANSACTION');
  try {
    const outcomes = await Promise.all(
      files.map((f): Promise<Outcome> =>
        readExtract(db, relationOf(f), f, onProgress).then(
          (decoded) => ({ decoded }),
          (error: unknown) => ({ error })
        )
      )
    );
    await db.exec(outcomes.some((o) => 'error' in o) ? 'ROLLBACK' : 'COMMIT');
    return new Map(files.map((f, i) => [f, outcomes[i]!]));
  } catch (e) {
    await db.exec('ROLLBACK');
    throw e;
  }
}

/** Reads every file into staging tables: each table's files appended, their locale made plain, optional columns added. */
export async function stageFiles(
  db: ArrowDb,
  files: readonly ExtractFile[],
  onProgress: LoadProgress
): Promise<Staging> {
  const read = await readAll(db, files, (f) => relationOf(files, f), onProgress);
  performance.mark('gp:file-read');
  const problems = files.flatMap((f) => {
    const outcome = read.get(f)!;
    return 'error' in outcome ? [decodeProblem(f, outcome.error)] : [];
  });
  if (problems.length > 0) return { staged: [], problems, notices: [], rows: 0, types: new Map() };

  const staged: StagedTable[] = [];
  const notices = await respellColumns(db, files, onProgress);
  let rows = 0;
  for (const table of new Set(files.map((f) => f.table))) {
    const relation = stagingRelation(table);
    const mine = files.filter((f) => f.table === table);
    for (const f of mine) {
      const { decoded } = read.get(f)! as { decoded: Decoded };
      rows += decoded.rows;
      if (decoded.notice) notices.push(decoded.notice);
      if (decoded.delimiter === undefined) continue;
      for (const p of await normaliseLocale(db, relationOf(files, f), table, decoded.delimiter)) {
        problems.push(valueProblem(f, p));
      }
    }
    const file = mine.map((f) => f.file).join(' + ');
    if (mine.length === 1) staged.push({ table, relation, file });
    else {
      const parts = await appendParts(
        db,
        relation,
        mine.map((f) => ({ relation: relationOf(files, f), file: f.file }))
      );
      staged.push({ table, relation, file, parts });
      notices.push(
        `${table}: ${parts.length} files appended into one table (${parts.map((p) => `${p.file}, ${p.rows} rows`).join('; ')}).`
      );
    }
  }
  const types = await columnTypesOf(
    db,
    staged.map((s) => s.relation)
  );
  for (const s of staged) await addOptionalColumns(db, s.relation, s.table, types.get(s.relation));
  return { staged, problems, notices, rows, types };
}
