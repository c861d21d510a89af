/**
 * Loads extracts all-or-nothing: decode every file into a staging table, validate them together, and only then
 * replace the contract tables in one transaction. A rejected load leaves every loaded table exactly as it was.
 */
import { TABLE_NAMES, tableSpec, type TableName } from './contract';
import { quoteIdent, type ArrowDb, type Db } from './db';
import type { Problem } from './problem';
import { DROP_FUNDING_BASIS } from './queries/funding-basis';
import { fundingBasisDropped } from './queries/funding-basis-state';
import type { ExtractFile, LoadProgress } from './read-extract';
import { dropStaging, stageFiles } from './stage';
import { columnTypesOf, type StagedTable } from './staged';
import { extraColumns, validateStaged } from './validate';

export type { ExtractFile, LoadProgress, LoadStatus } from './read-extract';
export { fileProblem } from './read-extract';
export { stagingRelation } from './stage';

export type LoadResult =
  { ok: true; tables: TableName[]; notices: string[] } | { ok: false; problems: Problem[] };

/** The select list that casts a relation's columns to `table`'s contract types (and drops any others). */
export function contractColumns(table: TableName): string {
  return tableSpec(table)
    .columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`)
    .join(', ');
}

/** An optional table that no file has given stays empty, so every query finds it. */
export async function createOptionalTables(db: Db): Promise<void> {
  const statements = TABLE_NAMES.filter((t) => tableSpec(t).optional).map((table) => {
    const columns = tableSpec(table).columns.map((c) => `${quoteIdent(c.name)} ${c.type}`);
    return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (${columns.join(', ')});`;
  });
  if (statements.length > 0) await db.exec(statements.join('\n'));
}

/** True when a staged relation has exactly the contract's columns and types: it can become the table as it is. */
function hasContractShape(s: StagedTable, types: ReadonlyMap<string, string>): boolean {
  const spec = tableSpec(s.table).columns;
  return types.size === spec.length && spec.every((c) => types.get(c.name) === c.type);
}

/**
 * Replaces each contract table by its staged, validated version, cast to the contract's types, atomically. A
 * staged table already in the contract's shape is renamed rather than copied (a million rows: ~2 ms, not ~350).
 */
export async function commitStaged(
  db: Db,
  staged: readonly StagedTable[],
  /** The staged relations' columns and types, when the caller knows them. */
  known?: ReadonlyMap<string, ReadonlyMap<string, string>>
): Promise<void> {
  const types =
    known ??
    (await columnTypesOf(
      db,
      staged.map((s) => s.relation)
    ));
  // Insertion order is kept either way (DuckDB preserves it for a plain scan): the rows stay in file order.
  const statements = staged.flatMap((s) => [
    `DROP TABLE IF EXISTS ${quoteIdent(s.table)};`,
    hasContractShape(s, types.get(s.relation)!)
      ? `ALTER TABLE ${quoteIdent(s.relation)} RENAME TO ${quoteIdent(s.table)};`
      : `CREATE TABLE ${quoteIdent(s.table)} AS SELECT ${contractColumns(s.table)} FROM ${quoteIdent(s.relation)};`
  ]);
  // The funding basis sums contributions with their sources: replacing either makes it stale.
  const stale = staged.some((s) => s.table === 'contributions' || s.table === 'sources');
  if (stale) statements.push(DROP_FUNDING_BASIS);
  try {
    // One round trip to the engine for the whole transaction.
    await db.exec(['BEGIN TRANSACTION;', ...statements, 'COMMIT;'].join('\n'));
    if (stale) fundingBasisDropped(db);
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => {}); // none is open if BEGIN itself failed
    throw e;
  }
}

/** Decodes, validates and (only if every file passes) loads the given extracts; files for one table append. */
export async function loadExtracts(
  db: ArrowDb,
  files: readonly ExtractFile[],
  onProgress: LoadProgress = () => {},
  /**
   * `trusted`: the bundled sample when its files' SHA-256 are those `npm run data` recorded after checking them
   * against the contract (bundled.ts); skipping the checks here brings the first chart forward. Files that do
   * not decode still fail. Never for a user's files.
   */
  { trusted = false }: { trusted?: boolean } = {}
): Promise<LoadResult> {
  await dropStaging(db, files);
  try {
    const { staged, problems, notices, rows, types } = await stageFiles(db, files, onProgress);
    if (problems.length > 0) return { ok: false, problems };
    if (!trusted) {
      onProgress({ step: 'Checking the data against the contract', fraction: 1, rows });
      performance.mark('gp:check-start');
      problems.push(...(await validateStaged(db, staged, types)));
      if (problems.length > 0) return { ok: false, problems };
      for (const s of staged) {
        const extra = extraColumns(s, types.get(s.relation)!);
        if (extra.length > 0) notices.push(`${s.file}: extra columns ignored: ${extra.join(', ')}`);
      }
    }
    performance.mark('gp:commit-start');
    await commitStaged(db, staged, types);
    await createOptionalTables(db);
    return { ok: true, tables: staged.map((s) => s.table), notices };
  } finally {
    await dropStaging(db, files);
  }
}
