/**
 * CSV that opens safely in a spreadsheet: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark so
 * Excel reads accents right, and text that a spreadsheet would run as a formula neutralised (OWASP
 * "CSV injection"): it gets a leading apostrophe. Numbers are written as numbers and never neutralised.
 */
import type { Cell, ExportColumn, ExportTable } from './table';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: Cell, column: ExportColumn): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = column.type === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

const header = (column: ExportColumn) => field(column.name, { name: column.name, type: 'string' });

export function toCsv(table: ExportTable): string {
  const lines = [
    table.columns.map(header).join(','),
    ...table.rows.map((row) => row.map((value, i) => field(value, table.columns[i]!)).join(','))
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
