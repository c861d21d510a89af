/**
 * A problem with the data a person loaded, in one shape wherever it is found (a file that cannot be read, a value
 * the contract refuses, a load that fails): the file, column, row and value where they are known, and a message
 * that names them.
 */
import type { TableName } from './contract';

export interface Problem {
  file: string;
  /** The contract table the file was for; null when the file could not be matched to one. */
  table: TableName | null;
  column: string | null;
  /** 1-based data row (a CSV's header is not a row), or null when the problem is the file's or a column's. */
  row: number | null;
  value: string | null;
  message: string;
}

/** One value refused where it was read (a locale could read it two ways, a decoder cannot carry it over). */
export interface RefusedValue {
  column: string;
  /** 1-based data row. */
  row: number;
  value: string;
  /** What is wrong with it, said after the value. */
  detail: string;
}

/** Problems reported for one load at the most: enough to act on, never a flood. */
export const MAX_PROBLEMS = 100;

/**
 * A value from a file as it may be shown: invisible and direction-changing characters written as \u{…}, and
 * cut at 80 characters, so a hostile value can neither hide nor flood a message.
 */
export function printable(value: string, max = 80): string {
  const shown = value.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`
  );
  return shown.length > max ? `${shown.slice(0, max)}… (${value.length} characters)` : shown;
}

export function problemMessage(p: Omit<Problem, 'message' | 'table' | 'value'>, detail: string): string {
  const where = [
    printable(p.file, 120),
    p.column === null ? null : `column "${p.column}"`,
    p.row === null ? null : `row ${p.row}`
  ];
  return `${where.filter((w) => w !== null).join(', ')}: ${detail}`;
}

/** An unexpected error during a load, as a problem a person can read: no file, column or row to name. */
export function loadFailure(error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  return {
    file: '',
    table: null,
    column: null,
    row: null,
    value: null,
    message: `The load failed: ${message}`
  };
}
