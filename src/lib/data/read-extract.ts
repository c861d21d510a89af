/**
 * One extract file → Arrow, by the environment's decoder (a worker of the page, or inline in Node), with the
 * progress a user sees and, for a refusal, the problem that names the file and, where it can, the row.
 */
import type { TableName } from './contract';
import type { ArrowDb } from './db';
import { CsvDecodeError } from './csv';
import { decoder } from './decoder';
import { ParquetDecodeError, decodeParquet } from './parquet';
import { UnreadableValueError } from './parquet-int96';
import { problemMessage, type Problem, type RefusedValue } from './problem';

export interface ExtractFile {
  table: TableName;
  /** The name shown in messages: a file name, or the bundled path. */
  file: string;
  bytes: Uint8Array;
  /** Parquet unless said otherwise. */
  format?: 'parquet' | 'csv';
}

/** How far a load has come: what it is doing, the fraction of it done, and the bytes and rows read so far. */
export interface LoadStatus {
  step: string;
  fraction: number;
  bytes?: { done: number; total: number };
  rows?: number;
}
export type LoadProgress = (status: LoadStatus) => void;

export function fileProblem(
  file: { file: string; table: TableName | null },
  detail: string,
  row: number | null = null
): Problem {
  return {
    file: file.file,
    table: file.table,
    column: null,
    row,
    value: null,
    message: problemMessage({ file: file.file, column: null, row }, detail)
  };
}

export interface Decoded {
  rows: number;
  /** For CSV: its separator (decimal commas go with semicolons and tabs) and what to tell about its encoding. */
  delimiter?: string;
  notice?: string;
}

/** A value refused (a locale could read it two ways, a decoder cannot carry it), with its file, column and row. */
export function valueProblem(f: { file: string; table: TableName }, p: RefusedValue): Problem {
  const detail = `"${p.value}" ${p.detail}`;
  return {
    file: f.file,
    table: f.table,
    column: p.column,
    row: p.row,
    value: p.value,
    message: problemMessage({ file: f.file, column: p.column, row: p.row }, detail)
  };
}

/**
 * Decodes one file into a new DuckDB table `relation` (its own columns and types; the contract is checked later),
 * telling how far it has come. Parquet arrives a few row groups at a time, each inserted as the next decodes.
 */
export async function readExtract(
  db: ArrowDb,
  relation: string,
  f: ExtractFile,
  onProgress: LoadProgress
): Promise<Decoded> {
  const step = `Reading ${f.file}`;
  const total = f.bytes.byteLength;
  if (f.format !== 'csv') {
    onProgress({ step, fraction: 0, bytes: { done: 0, total } });
    let parts = 0;
    return await decodeParquet(f.bytes, async (ipc, rowsSoFar, rows) => {
      await db.insertArrowIPC(relation, ipc, { append: parts++ > 0 });
      const fraction = rows === 0 ? 1 : rowsSoFar / rows;
      onProgress({ step, fraction, bytes: { done: Math.round(fraction * total), total }, rows: rowsSoFar });
    });
  }
  const csv = await decoder().csv(f.bytes, ({ bytes, rows }) =>
    onProgress({ step, fraction: bytes / total, bytes: { done: bytes, total }, rows })
  );
  await db.insertArrowIPC(relation, csv.ipc);
  const notice =
    csv.encoding === 'UTF-8'
      ? undefined
      : `${f.file} was read as ${csv.encoding}${csv.encoding === 'UTF-16' ? ' (Excel\'s "Unicode text")' : ' (Excel\'s "CSV" on Windows): check that accented names read right'}.`;
  return { rows: csv.rows, delimiter: csv.delimiter, notice };
}

/** Why a file could not be decoded, as the problem the user sees. */
export function decodeProblem(f: ExtractFile, e: unknown): Problem {
  if (e instanceof CsvDecodeError) return fileProblem(f, e.message, e.row);
  if (e instanceof ParquetDecodeError) return fileProblem(f, e.message);
  if (e instanceof UnreadableValueError) return valueProblem(f, e.unreadable);
  return fileProblem(f, `could not be read (${(e as Error).message})`);
}
