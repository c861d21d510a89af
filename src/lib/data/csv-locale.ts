/**
 * CSV as spreadsheets write it in the GP's partners' locales, made plain before the contract's checks: decimal
 * commas (in files separated by semicolons or tabs, as French or German Excel writes them) with space or
 * no-break-space digit groups, booleans in French and German, and day-first dates (DD.MM.YYYY, DD/MM/YYYY).
 * What could be read two ways is refused with its column and row, never guessed: a `.` in a decimal-comma
 * column, and a DD/MM/YYYY date whose day could be its month.
 */
import { tableSpec, type TableName } from './contract';
import { quoteIdent, trusted, type Db } from './db';
import { columnTypes } from './staged';
import { printable, type RefusedValue } from './problem';

/** A value the file's locale could read two ways. */
export type LocaleProblem = RefusedValue;

const GROUPED = `'^[+-]?[0-9]{1,3}([ \\x{00a0}\\x{202f}][0-9]{3})+(,[0-9]+)?$'`;
const PLAIN_COMMA = `'^[+-]?[0-9]+,[0-9]+$'`;

/** Rewrites a staged CSV's values in place; returns what it refused (the caller refuses the load). */
export async function normaliseLocale(
  db: Db,
  relation: string,
  table: TableName,
  delimiter: string
): Promise<LocaleProblem[]> {
  const rel = quoteIdent(relation);
  const problems: LocaleProblem[] = [];
  const decimalComma = delimiter === ';' || delimiter === '\t';
  const present = await columnTypes(db, relation);
  for (const c of tableSpec(table).columns) {
    if (!present.has(c.name)) continue;
    const col = quoteIdent(c.name);
    const bad = async (condition: string, detail: string) => {
      const rows = await db.query<{ row: number; value: string }>(
        trusted(
          `SELECT CAST(rowid + 1 AS INTEGER) AS row, ${col} AS value FROM ${rel} WHERE ${condition} ORDER BY row LIMIT 10`
        )
      );
      for (const r of rows) problems.push({ column: c.name, row: r.row, value: printable(r.value), detail });
    };
    if ((c.type === 'DOUBLE' || c.type === 'INTEGER') && decimalComma) {
      await bad(
        `${col} LIKE '%.%'`,
        'has a "." in a column of decimal commas (the file is separated by semicolons or tabs): write 1234,5 or 1 234,5'
      );
      await db.exec(
        `UPDATE ${rel} SET ${col} = replace(regexp_replace(${col}, '[ \\x{00a0}\\x{202f}]', '', 'g'), ',', '.')
         WHERE regexp_matches(${col}, ${GROUPED}) OR regexp_matches(${col}, ${PLAIN_COMMA})
            OR regexp_matches(${col}, '^[+-]?[0-9]{1,3}([ \\x{00a0}\\x{202f}][0-9]{3})+$')`
      );
    }
    if (c.type === 'BOOLEAN') {
      await db.exec(
        `UPDATE ${rel} SET ${col} = CASE WHEN lower(trim(${col})) IN ('true', 'vrai', 'wahr', '1') THEN 'true'
                                         WHEN lower(trim(${col})) IN ('false', 'faux', 'falsch', '0') THEN 'false'
                                         ELSE ${col} END`
      );
    }
    if (c.type === 'DATE') {
      const dotted = `'^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})$'`;
      const slashed = `'^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$'`;
      await bad(
        `regexp_matches(${col}, ${slashed})
         AND CAST(regexp_extract(${col}, ${slashed}, 1) AS INTEGER) <= 12
         AND CAST(regexp_extract(${col}, ${slashed}, 2) AS INTEGER) <= 12
         AND regexp_extract(${col}, ${slashed}, 1) <> regexp_extract(${col}, ${slashed}, 2)`,
        'could be day/month or month/day: write the date as YYYY-MM-DD or DD.MM.YYYY'
      );
      for (const pattern of [dotted, slashed]) {
        await db.exec(
          `UPDATE ${rel} SET ${col} = regexp_extract(${col}, ${pattern}, 3) || '-' ||
                                      lpad(regexp_extract(${col}, ${pattern}, 2), 2, '0') || '-' ||
                                      lpad(regexp_extract(${col}, ${pattern}, 1), 2, '0')
           WHERE regexp_matches(${col}, ${pattern})`
        );
      }
    }
  }
  return problems;
}
