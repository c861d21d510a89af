/**
 * A user's files through the real loader on real DuckDB (the browser's duckdb-wasm, in Node): each bad file in
 * tests/fixtures/user-files is refused with a message naming its file, column and row, and leaves every table
 * exactly as it was; good files replace their table and only that table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type ArrowDb } from '$lib/data/db';
import { MAX_FILE_BYTES, identifyFiles, loadUserFiles, type UserFile } from '$lib/data/user-files';
import { openSampleDb, tableChecksums } from './sample-db';

const FIXTURES = 'tests/fixtures/user-files';
let db: ArrowDb & { close(): void };
let sample: Record<string, string>;
beforeAll(async () => {
  db = await openSampleDb();
  sample = await tableChecksums(db);
});
afterAll(() => db.close());

/** Every file of one fixture folder, as the browser's file input would give them. */
function fixture(folder: string): UserFile[] {
  return readdirSync(join(FIXTURES, folder)).map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(join(FIXTURES, folder, name)))
  }));
}

/** Loads, expects a refusal, checks that no table changed, and returns the messages. */
async function refused(files: UserFile[]): Promise<string[]> {
  const before = await tableChecksums(db);
  const result = await loadUserFiles(db, files);
  expect(await tableChecksums(db)).toEqual(before);
  if (result.ok) throw new Error('the load was accepted');
  return result.problems.map((p) => p.message);
}

describe('a bad file is refused with a message that names the file, column and row, and nothing changes', () => {
  test.each([
    ['missing-column', ['contributions.csv, column "stage": this column is missing']],
    ['wrong-type', ['contributions.csv, column "amount_usd", row 4: "lots" is not a number (DOUBLE)']],
    ['null-required', ['contributions.csv, column "donor_id", row 4: a value is required here']],
    [
      'enum',
      ['contributions.csv, column "stage", row 4: "promised" is not one of: pledged, committed, disbursed']
    ],
    [
      'duplicate-key',
      [
        'contributions.csv, column "contribution_id", row 4: duplicate key "gp2004-usa-pledge" (first at row 1)'
      ]
    ],
    [
      'unknown-reference',
      ['contributions.csv, column "donor_id", row 4: "XXX" is not a entity_id in entities']
    ],
    [
      'overlap',
      ['memberships.csv, column "from_year", row 33: period of "CAN" overlaps its period at row 1']
    ],
    ['header-only', ['contributions.csv: has a header but no rows']],
    ['empty', ['contributions.csv: is empty']],
    [
      'not-parquet',
      ['contributions.parquet: is not a Parquet file (it does not start with the Parquet marker "PAR1")']
    ]
  ])('%s', async (folder, messages) => {
    expect(await refused(fixture(folder))).toEqual(messages);
  });

  test('a truncated Parquet file', async () => {
    const [message] = await refused(fixture('truncated'));
    expect(message).toMatch(
      /^contributions\.parquet: (not a readable Parquet file|the Parquet data is corrupt or truncated)/
    );
  });

  test('files that are not tables, or that match no table or two, are reported, not guessed', async () => {
    expect(await refused(fixture('not-a-table'))).toEqual([
      'notes.json: is not a Parquet or CSV file (the dashboard reads .parquet and .csv files)',
      'report.xlsx: is a spreadsheet workbook, not a table file: save the sheet as CSV (UTF-8) or export it as Parquet'
    ]);
    expect(await refused(fixture('unknown'))).toEqual([
      "budget.csv: matches no table by its name or its columns: name it after its table (sources.csv, entities.csv, memberships.csv, meetings.csv, participation.csv, contributions.csv, needs.csv, published_counts.csv, presidencies.csv) or give it the table's columns"
    ]);
    expect(await refused(fixture('ambiguous'))).toEqual([
      'extract.csv: has the columns of contributions and needs: name it after the table it is for'
    ]);
  });

  test('a set of files for one table is appended, with a notice; a problem names its own file and row', async () => {
    const [header, ...lines] = readFileSync('data/contributions.csv', 'utf8').trim().split('\n');
    const part = (name: string, rows: string[]) => ({
      name,
      bytes: new TextEncoder().encode([header, ...rows].join('\n') + '\n')
    });
    const result = await loadUserFiles(db, [
      part('contributions-2011.csv', lines.slice(0, 30)),
      part('contributions-2012.csv', lines.slice(30))
    ]);
    expect(result).toMatchObject({
      ok: true,
      tables: [
        {
          table: 'contributions',
          file: 'contributions-2011.csv, contributions-2012.csv',
          names: ['contributions-2011.csv', 'contributions-2012.csv']
        }
      ]
    });
    if (!result.ok) return;
    expect(result.notices).toContain(
      `contributions: 2 files appended into one table (contributions-2011.csv, 30 rows; contributions-2012.csv, ${lines.length - 30} rows).`
    );
    expect((await tableChecksums(db)).contributions).toEqual(sample.contributions);

    // The same row in both files: the second file's own row 1 is named, and where it first stood.
    expect(
      await refused([
        part('contributions-2011.csv', lines.slice(0, 30)),
        part('contributions-2012.csv', lines.slice(29))
      ])
    ).toEqual([
      'contributions-2012.csv, column "contribution_id", row 1: duplicate key "ill-009" (first at contributions-2011.csv, row 30)'
    ]);
  });

  test('a file larger than the limit says its size and the limit', async () => {
    const big = { name: 'contributions.csv', bytes: new Uint8Array(MAX_FILE_BYTES + 1) };
    expect(identifyFiles([big]).problems.map((p) => p.message)).toEqual([
      'contributions.csv: is 200.0 MB; the limit is 200 MB per file'
    ]);
  });

  test('a new table that the tables kept loaded still refer to must keep what they refer to', async () => {
    const messages = await refused(fixture('breaks-kept-table'));
    expect(messages).toContain(
      'participation (already loaded), column "entity_id", row 18: "USA" is not a entity_id in entities'
    );
  });
});

describe('hostile files are data, never code', () => {
  test('SQL, HTML, long strings and direction overrides are shown escaped, and every table survives', async () => {
    const messages = await refused(fixture('hostile'));
    expect(messages).toEqual([
      `contributions.csv, column "channel", row 4: "${'x'.repeat(80)}… (10000 characters)" is not one of: bilateral, multilateral, domestic`,
      'contributions.csv, column "donor_id", row 4: "US\\u{202e}A" is not a entity_id in entities'
    ]);
    const tables = await db.query<{ n: number }>(
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.tables WHERE table_name IN ('entities', 'sources')`
    );
    expect(tables[0]!.n).toBe(2);
  });

  test('the validator cuts very long values in its messages', async () => {
    const [file] = fixture('hostile');
    const text = new TextDecoder()
      .decode(file!.bytes)
      .replace('US\u202eA', 'USA')
      .replace('2002,2012', `2002,${'9'.repeat(300)}`);
    const [message] = await refused([{ name: 'contributions.csv', bytes: new TextEncoder().encode(text) }]);
    expect(message).toMatch(
      /^contributions\.csv, column "period_end_year", row 1: "9{80}… \(300 characters\)" is not a whole number/
    );
  });
});

describe('good files', () => {
  test('UTF-8 with a byte-order mark, quoted commas, quotes and line breaks load as written', async () => {
    const result = await loadUserFiles(db, fixture('bom-quoted'));
    expect(result).toEqual({
      ok: true,
      tables: [{ table: 'contributions', file: 'contributions.csv', names: ['contributions.csv'] }],
      notices: []
    });
    const [row] = await db.query<{ project: string }>(
      sql`SELECT project FROM contributions WHERE contribution_id = 'bad-row-4'`
    );
    expect(row!.project).toBe('A project, with a comma,\nand a new line and "quotes"');
    expect((await db.query(sql`SELECT 1 FROM contributions`)).length).toBe(4);
  });

  test('a file replaces its table only; extra columns are ignored with a notice', async () => {
    const before = await tableChecksums(db);
    const result = await loadUserFiles(db, fixture('extra-column'));
    expect(result).toEqual({
      ok: true,
      tables: [{ table: 'contributions', file: 'contributions.csv', names: ['contributions.csv'] }],
      notices: ['contributions.csv: extra columns ignored: comment']
    });
    const after = await tableChecksums(db);
    for (const t of Object.keys(before)) if (t !== 'contributions') expect(after[t]).toBe(before[t]);
    expect(after.contributions).toMatch(/^3:/);
  });

  test('Excel\'s Windows-1252 "CSV" and UTF-16 "Unicode text" load, each with a notice', async () => {
    const latin = await loadUserFiles(db, fixture('latin1'));
    expect(latin.ok && latin.notices).toEqual([
      'contributions.csv was read as Windows-1252 (Excel\'s "CSV" on Windows): check that accented names read right.'
    ]);
    const [row] = await db.query<{ project: string }>(
      sql`SELECT project FROM contributions WHERE contribution_id = 'bad-row-4'`
    );
    expect(row!.project).toBe('Sécurité nucléaire');
    const utf16 = await loadUserFiles(db, fixture('utf16'));
    expect(utf16.ok && utf16.notices).toEqual([
      'contributions.csv was read as UTF-16 (Excel\'s "Unicode text").'
    ]);
  });

  test('a French or German spreadsheet: semicolons, decimal commas, digit groups, VRAI/FALSCH, day-first dates', async () => {
    const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const [header, ...lines] = readFileSync('data/contributions.csv', 'utf8').trim().split('\n');
    // The sample's contributions, re-written with semicolons and the locale's numbers and booleans.
    const parsed = Papa.parse<string[]>([header, ...lines].join('\n')).data;
    const amount = parsed[0]!.indexOf('amount_usd');
    const inKind = parsed[0]!.indexOf('in_kind');
    const localised = parsed.map((fields, i) =>
      fields
        .map((v, c) => {
          if (i === 0) return v;
          if (c === amount) return Number(v).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
          if (c === inKind) return v === 'true' ? 'VRAI' : v === 'false' ? 'FALSCH' : v;
          return v.includes(';') || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v;
        })
        .join(';')
    );
    const result = await loadUserFiles(db, [csv('contributions.csv', localised.join('\r\n'))]);
    expect(result).toMatchObject({ ok: true });
    expect((await tableChecksums(db)).contributions).toEqual(sample.contributions);

    const meetings = readFileSync('data/meetings.csv', 'utf8')
      .replace('2011-10-10,2011-10-10', '10.10.2011,10/10/2011')
      .replace('2012-04-17,2012-04-18', '17/04/2012,18.04.2012');
    expect(await loadUserFiles(db, [csv('meetings.csv', meetings)])).toMatchObject({ ok: true });
    const [paris] = await db.query<{ day: string }>(
      sql`SELECT CAST(date_end AS VARCHAR) AS day FROM meetings WHERE meeting_id = '2011-10-paris'`
    );
    expect(paris!.day).toBe('2011-10-10');
  });

  test('what a locale could read two ways is refused with its column and row, never guessed', async () => {
    const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const header =
      'contribution_id;donor_id;recipient_id;priority_area;year;period_end_year;stage;amount_usd;channel;in_kind;project;source_id';
    const row = (id: string, amount: string) =>
      `${id};USA;;other;2012;;pledged;${amount};bilateral;FAUX;;illustrative-sample`;
    expect(
      await refused([csv('contributions.csv', [header, row('a', '1 000,5'), row('b', '1.5')].join('\n'))])
    ).toEqual([
      'contributions.csv, column "amount_usd", row 2: "1.5" has a "." in a column of decimal commas (the file is separated by semicolons or tabs): write 1234,5 or 1 234,5'
    ]);
    const comma = readFileSync('data/contributions.csv', 'utf8').replace(
      ',10000000000,',
      ',"10000000000,5",'
    );
    expect(await refused([csv('contributions.csv', comma)])).toEqual([
      'contributions.csv, column "amount_usd", row 1: "10000000000,5" is not a number (DOUBLE)'
    ]);
    const meetings = readFileSync('data/meetings.csv', 'utf8').replace(
      '2012-04-17,2012-04-18',
      '04/03/2012,18.04.2012'
    );
    expect(await refused([csv('meetings.csv', meetings)])).toEqual([
      'meetings.csv, column "date_start", row 6: "04/03/2012" could be day/month or month/day: write the date as YYYY-MM-DD or DD.MM.YYYY'
    ]);
  });

  test('a file named otherwise is matched to its table by its columns, and says so', async () => {
    const result = await loadUserFiles(db, fixture('by-columns'));
    expect(result.ok && result.notices).toEqual([
      'grants-2026.csv was matched to contributions by its columns.'
    ]);
  });

  test('the example in data/examples loads, with its added row', async () => {
    const name = 'contributions.csv';
    const result = await loadUserFiles(db, [{ name, bytes: readFileSync(`data/examples/${name}`) }]);
    expect(result.ok).toBe(true);
    const rows = await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM contributions`);
    expect(rows[0]!.n).toBe(readFileSync('data/contributions.csv', 'utf8').trim().split('\n').length);
  });
});
