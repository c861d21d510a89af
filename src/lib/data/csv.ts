/**
 * CSV → Arrow IPC in the browser (papaparse), every column as text: the validator then checks each value against
 * the contract's type and names the row of any that does not fit. UTF-8 with or without a byte-order mark, and
 * the two encodings Excel writes besides: UTF-16 ("Unicode text") and Windows-1252 (its "CSV" on Windows), read
 * with a notice. In the browser this runs in the decode worker, so a large file never freezes the page.
 */
import Papa from 'papaparse';
import { RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { textVector } from './arrow-columns';
import { sameColumnTwice, sameColumnTwiceMessage } from './column-names';
import type { DecodeProgress, DecodedCsv } from './decoder';

export class CsvDecodeError extends Error {
  constructor(
    message: string,
    /** 1-based data row (the header is not a row), when the problem has one. */
    readonly row: number | null = null
  ) {
    super(message);
  }
}

export type TextEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';

/**
 * Bytes → text: UTF-16 by its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (which
 * every byte sequence is, so Latin-1 files read too). The decoders drop a leading byte-order mark.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** Comma, or the semicolon or tab a spreadsheet in some locales writes: whichever the header line uses most. */
export function delimiterOf(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => line.split(d).length - 1;
  return [';', '\t'].find((d) => count(d) > count(',')) ?? ',';
}

/** The header of a CSV, for matching a file to a contract table by its columns. */
export function csvHeader(text: string): string[] {
  const first = Papa.parse<string[]>(text, { preview: 1, delimiter: delimiterOf(text) }).data[0] ?? [];
  return first.map((name) => name.trim());
}

function checkHeader(header: readonly string[]) {
  if (header.length === 0 || header.every((h) => h === '')) throw new CsvDecodeError('has no header row');
  const empty = header.findIndex((h) => h === '');
  if (empty >= 0) throw new CsvDecodeError(`column ${empty + 1} of the header has no name`);
  const twice = sameColumnTwice(header);
  if (twice) {
    throw new CsvDecodeError(
      twice[0] === twice[1] ? `the header names column "${twice[0]}" twice` : sameColumnTwiceMessage(twice)
    );
  }
}

/** Rows per Arrow batch, and between two reports of progress. */
const BATCH_ROWS = 20_000;

/** Parses CSV text into an Arrow IPC stream of text columns (empty fields are nulls). */
export function csvToArrowIPC(
  text: string,
  onProgress: (done: { characters: number; rows: number }) => void = () => {}
): { ipc: Uint8Array; rows: number } {
  if (text.trim() === '') throw new CsvDecodeError('is empty');
  let header: string[] | null = null;
  let columns: (string | null)[][] = [];
  let rows = 0;
  const batches: RecordBatch[] = [];
  let failure: CsvDecodeError | null = null;

  const flush = () => {
    if (!header || columns[0]?.length === 0) return;
    const names = header;
    const table = new Table(Object.fromEntries(names.map((n, c) => [n, textVector(columns[c]!)])));
    batches.push(...table.batches);
    columns = names.map(() => []);
  };

  // Row by row: papaparse's own chunking can split a quoted field.
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    skipEmptyLines: 'greedy',
    step(result, parser) {
      try {
        const error = result.errors[0];
        if (error) throw new CsvDecodeError(`is not valid CSV: ${error.message.toLowerCase()}`, rows + 1);
        const fields = result.data;
        if (!header) {
          header = fields.map((name) => name.trim());
          checkHeader(header);
          columns = header.map(() => []);
          return;
        }
        rows++;
        if (fields.length !== header.length) {
          throw new CsvDecodeError(`has ${fields.length} fields where the header has ${header.length}`, rows);
        }
        for (let c = 0; c < fields.length; c++) columns[c]!.push(fields[c] === '' ? null : fields[c]!);
        if (rows % BATCH_ROWS === 0) {
          flush();
          onProgress({ characters: result.meta.cursor, rows });
        }
      } catch (e) {
        failure = e as CsvDecodeError;
        parser.abort();
      }
    }
  });
  if (failure) throw failure;
  if (rows === 0) throw new CsvDecodeError('has a header but no rows');
  flush();
  onProgress({ characters: text.length, rows });
  return { ipc: tableToIPC(new Table(batches), 'stream'), rows };
}

/** A CSV file's bytes → Arrow IPC, with its separator and encoding; progress in bytes (estimated) and rows. */
export async function decodeCsv(bytes: Uint8Array, onProgress?: DecodeProgress): Promise<DecodedCsv> {
  const { text, encoding } = decodeText(bytes);
  const { ipc, rows } = csvToArrowIPC(text, (done) =>
    onProgress?.({ bytes: Math.round((done.characters / text.length) * bytes.byteLength), rows: done.rows })
  );
  return { ipc, delimiter: delimiterOf(text), encoding, rows };
}
