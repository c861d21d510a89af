/**
 * A user's files → the contract tables they replace. A file maps to a table by its name (`contributions.csv`,
 * `participation.parquet`, or one of a set, `contributions-2011.csv`) or, failing that, by its columns; a file
 * that matches none, or more than one, is reported, never guessed. Files for one table are appended into it.
 * Size, emptiness and format are checked here, before anything is decoded.
 */
import { parquetSchema } from 'hyparquet';
import { TABLE_NAMES, tableSpec, type TableName } from './contract';
import { columnKey } from './column-names';
import { csvHeader, decodeText } from './csv';
import type { ArrowDb } from './db';
import { fileProblem, loadExtracts, type ExtractFile, type LoadProgress } from './load';
import { parquetFooter } from './parquet';
import type { Problem } from './problem';
import type { Summary } from './bundled';

/** Larger files are refused: the browser holds the file, its decoded columns and DuckDB's copy at once. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_FILE_LABEL = '200 MB';

export interface UserFile {
  name: string;
  bytes: Uint8Array;
}

export interface Identified {
  files: ExtractFile[];
  /** How files without a table's name were matched, to tell the user. */
  notices: string[];
  problems: Problem[];
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function formatOf(file: UserFile): 'parquet' | 'csv' | string {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (startsWith(file.bytes, PAR1)) return 'parquet';
  if (extension === 'parquet')
    return 'is not a Parquet file (it does not start with the Parquet marker "PAR1")';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (startsWith(file.bytes, ZIP) && /^(xlsx|xlsm|ods)$/.test(extension)) {
    return 'is a spreadsheet workbook, not a table file: save the sheet as CSV (UTF-8) or export it as Parquet';
  }
  return 'is not a Parquet or CSV file (the dashboard reads .parquet and .csv files)';
}

function columnsOf(file: UserFile, format: 'parquet' | 'csv'): string[] {
  if (format === 'csv') {
    // The header is in the first bytes; a character cut at the end of the slice does not matter here.
    return csvHeader(decodeText(file.bytes.subarray(0, 64 * 1024)).text);
  }
  return parquetSchema(parquetFooter(file.bytes)).children.map((c) => c.element.name);
}

/** Tables whose every contract column the file has (spelled in any case, with any surrounding spaces). */
function tablesWithColumns(columns: readonly string[]): TableName[] {
  const keys = new Set(columns.map(columnKey));
  return TABLE_NAMES.filter((t) => tableSpec(t).columns.every((c) => c.optional || keys.has(c.name)));
}

export function identifyFiles(files: readonly UserFile[]): Identified {
  const result: Identified = { files: [], notices: [], problems: [] };
  const problem = (file: UserFile, detail: string, table: TableName | null = null) =>
    result.problems.push(fileProblem({ file: file.name, table }, detail));

  for (const file of files) {
    if (file.bytes.length === 0) {
      problem(file, 'is empty');
      continue;
    }
    if (file.bytes.length > MAX_FILE_BYTES) {
      problem(file, `is ${megabytes(file.bytes.length)}; the limit is ${MAX_FILE_LABEL} per file`);
      continue;
    }
    const format = formatOf(file);
    if (format !== 'parquet' && format !== 'csv') {
      problem(file, format);
      continue;
    }
    const stem = file.name.replace(/\.[^.]*$/, '').toLowerCase();
    // `contributions.csv`, or one of a set: `contributions-2011.csv`, `contributions_part1.parquet`.
    let table = TABLE_NAMES.find((t) => stem === t || new RegExp(`^${t}[-_.]`).test(stem)) ?? null;
    if (!table) {
      let columns: string[];
      try {
        columns = columnsOf(file, format);
      } catch (e) {
        problem(file, `is a corrupt or truncated Parquet file (${(e as Error).message})`);
        continue;
      }
      const candidates = tablesWithColumns(columns);
      if (candidates.length === 0) {
        problem(
          file,
          `matches no table by its name or its columns: name it after its table (${TABLE_NAMES.map((t) => `${t}.${format}`).join(', ')}) or give it the table's columns`
        );
        continue;
      }
      if (candidates.length > 1) {
        problem(file, `has the columns of ${candidates.join(' and ')}: name it after the table it is for`);
        continue;
      }
      table = candidates[0]!;
      result.notices.push(`${file.name} was matched to ${table} by its columns.`);
    }
    // Several files for one table (part-0.parquet, part-1.parquet, as Spark and Polars write them) are appended.
    result.files.push({ table, file: file.name, bytes: file.bytes, format });
  }
  return result;
}

/**
 * New sources over summarised contributions (a GP_DATA_DIR build): the funding basis joins every contribution to
 * its source, and the browser holds only the largest contributions, so it could not recount. Refused, said why.
 */
export function refuseSourcesAlone(files: readonly UserFile[], summary: Summary): Problem | null {
  const identified = identifyFiles(files).files;
  const sources = identified.find((f) => f.table === 'sources');
  if (!sources || identified.some((f) => f.table === 'contributions')) return null;
  const n = (x: number) => x.toLocaleString('en');
  return fileProblem(
    { file: sources.file, table: 'sources' },
    `cannot replace the sources alone here: the bundled contributions are summarised (${n(summary.rows)} rows, the largest ${n(summary.shipped)} in this browser) and the funding figures need every one to be recounted; load your contributions together with your sources`
  );
}

export type UserLoadResult =
  | { ok: true; tables: { table: TableName; file: string; names: string[] }[]; notices: string[] }
  | { ok: false; problems: Problem[] };

/** Identifies the files, then loads them all-or-nothing: any problem anywhere and nothing changes. */
export async function loadUserFiles(
  db: ArrowDb,
  files: readonly UserFile[],
  onProgress?: LoadProgress
): Promise<UserLoadResult> {
  const identified = identifyFiles(files);
  if (identified.problems.length > 0) return { ok: false, problems: identified.problems };
  const result = await loadExtracts(db, identified.files, onProgress);
  if (!result.ok) return result;
  return {
    ok: true,
    tables: result.tables.map((table) => {
      const names = identified.files.filter((f) => f.table === table).map((f) => f.file);
      return { table, file: names.join(', '), names };
    }),
    notices: [...identified.notices, ...result.notices]
  };
}
