/**
 * `npx tsx scripts/parquet-fixtures.ts`: writes tests/fixtures/parquet/, the sample's contributions and meetings
 * as the Parquet writers of a team's tools write them: every standard codec, data pages v2, many small row groups,
 * and the types writers use for the contract's columns (BIGINT years, DECIMAL amounts, TIMESTAMP and Spark's INT96
 * dates). Native DuckDB, one thread, and hyparquet-writer: the same bytes every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  LargeUtf8,
  Schema,
  Table,
  Utf8,
  tableToIPC
} from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { ByteWriter, parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { tableSpec } from '../src/lib/data/contract.ts';
import { trusted } from '../src/lib/data/db.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';

const DIR = 'tests/fixtures/parquet';
const SAMPLE = `SELECT * FROM read_parquet('static/data/contributions.parquet') ORDER BY contribution_id`;
const MEETINGS = `SELECT * FROM read_parquet('static/data/meetings.parquet') ORDER BY meeting_id`;

const variants: Record<string, { select?: string; options: string }> = {
  uncompressed: { options: 'COMPRESSION uncompressed' },
  snappy: { options: 'COMPRESSION snappy' },
  gzip: { options: 'COMPRESSION gzip' },
  zstd: { options: 'COMPRESSION zstd' },
  lz4_raw: { options: 'COMPRESSION lz4_raw' },
  brotli: { options: 'COMPRESSION brotli' },
  'pages-v2': { options: 'COMPRESSION zstd, PARQUET_VERSION v2' },
  // Years as BIGINT and amounts as DECIMAL, as Spark and pandas write them.
  'wide-types': {
    select: `SELECT * REPLACE (CAST(year AS BIGINT) AS year, CAST(period_end_year AS BIGINT) AS period_end_year,
                              CAST(amount_usd AS DECIMAL(18, 2)) AS amount_usd) FROM (${SAMPLE})`,
    options: 'COMPRESSION zstd'
  },
  // An amount with more significant digits than a DOUBLE holds: refused, never rounded in silence.
  'decimal-beyond-double': {
    select: `SELECT * REPLACE (CASE WHEN contribution_id = 'ill-001'
                                    THEN CAST('1234567890123456789.0123' AS DECIMAL(38, 4))
                                    ELSE CAST(amount_usd AS DECIMAL(38, 4)) END AS amount_usd) FROM (${SAMPLE})`,
    options: 'COMPRESSION zstd'
  }
};

mkdirSync(DIR, { recursive: true });
const db = await openNativeDb();
for (const [name, v] of Object.entries(variants)) {
  const path = `${DIR}/contributions-${name}.parquet`;
  await db.exec(`COPY (${v.select ?? SAMPLE}) TO '${path}' (FORMAT parquet, ${v.options})`);
  console.log(path);
}

// Meeting dates as timestamps at midnight, as tools without a date type write them.
{
  const path = `${DIR}/meetings-timestamp.parquet`;
  const select = `SELECT * REPLACE (CAST(date_start AS TIMESTAMP) AS date_start, CAST(date_end AS TIMESTAMP_NS) AS date_end)
                  FROM (${MEETINGS})`;
  await db.exec(`COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION snappy)`);
  console.log(path);
}

// A table written as a set of files, as Spark and Polars write it: part-0 and part-1, matched by their columns.
mkdirSync(`${DIR}/set`, { recursive: true });
for (const [i, where] of ['n <= 30', 'n > 30'].entries()) {
  const path = `${DIR}/set/part-${i}.parquet`;
  const numbered = `SELECT *, row_number() OVER (ORDER BY contribution_id) AS n FROM (${SAMPLE})`;
  await db.exec(
    `COPY (SELECT * EXCLUDE (n) FROM (${numbered}) WHERE ${where} ORDER BY n) TO '${path}' (FORMAT parquet)`
  );
  console.log(path);
}

// Many small row groups (eight rows each), as streaming writers produce: DuckDB groups by 2,048 rows at least, so
// hyparquet-writer writes this one.
const PARQUET_TYPE = {
  VARCHAR: 'STRING',
  INTEGER: 'INT32',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  DATE: 'INT32'
} as const;
const rows = await db.query<Record<string, string | number | boolean | null>>(trusted(SAMPLE));
const columns = tableSpec('contributions').columns;
const small = parquetWriteBuffer({
  columnData: columns.map((c) => ({
    name: c.name,
    type: PARQUET_TYPE[c.type],
    data: rows.map((r) => r[c.name])
  })),
  rowGroupSize: 8
});
writeFileSync(`${DIR}/contributions-small-row-groups.parquet`, new Uint8Array(small));
console.log(`${DIR}/contributions-small-row-groups.parquet`);

/**
 * Text as Polars and pandas write it: the file carries its Arrow schema (the `ARROW:schema` key), in which strings
 * are large (64-bit offsets, Polars' default) and the category-like columns are dictionary-encoded (pandas'
 * categoricals, Polars' Categorical). Readers that honour the key, parquet-wasm among them, decode those types.
 */
const CATEGORIES = new Set(['priority_area', 'stage', 'channel']);
const ARROW_TYPE = {
  VARCHAR: (name: string) =>
    CATEGORIES.has(name) ? new Dictionary(new Utf8(), new Int32()) : new LargeUtf8(),
  INTEGER: () => new Int32(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
  DATE: () => new DateDay()
};
const arrowSchema = new Schema(columns.map((c) => new Field(c.name, ARROW_TYPE[c.type](c.name), true)));
// The schema message opens an IPC stream of no rows: continuation marker, length, flatbuffer.
const schemaMessage = tableToIPC(new Table(arrowSchema), 'stream');
const typedStrings = parquetWriteBuffer({
  columnData: columns.map((c) => ({
    name: c.name,
    type: PARQUET_TYPE[c.type],
    data: rows.map((r) => r[c.name])
  })),
  kvMetadata: [{ key: 'ARROW:schema', value: Buffer.from(schemaMessage).toString('base64') }]
});
writeFileSync(`${DIR}/contributions-large-and-dictionary-strings.parquet`, new Uint8Array(typedStrings));
console.log(`${DIR}/contributions-large-and-dictionary-strings.parquet`);

/**
 * Meeting dates as Spark's legacy INT96 timestamps (Julian day and nanoseconds of the day, 12 bytes). No writer
 * here writes INT96, so the values are written as 12-byte fixed-length bytes and the footer then says INT96: the
 * pages are the same bytes either way.
 */
function int96(days: number): Uint8Array {
  const bytes = new Uint8Array(12);
  new DataView(bytes.buffer).setUint32(8, days + 2_440_588, true); // nanoseconds of the day stay 0: midnight
  return bytes;
}
function writeInt96Meetings(path: string, meetings: Record<string, string | number | boolean | null>[]) {
  const dates = ['date_start', 'date_end'];
  const meetingColumns = tableSpec('meetings').columns;
  const columnData = meetingColumns.map((c) =>
    dates.includes(c.name)
      ? { name: c.name, data: meetings.map((r) => int96(r[c.name] as number)), encoding: 'PLAIN' as const }
      : { name: c.name, type: PARQUET_TYPE[c.type], data: meetings.map((r) => r[c.name]) }
  );
  const schema = schemaFromColumnData({
    columnData,
    schemaOverrides: Object.fromEntries(
      dates.map((name) => [
        name,
        { name, type: 'FIXED_LEN_BYTE_ARRAY' as const, type_length: 12, repetition_type: 'OPTIONAL' as const }
      ])
    )
  });
  const buffer = parquetWriteBuffer({
    columnData: columnData.map((c) => ({ ...c, type: undefined })),
    schema,
    statistics: false
  });
  const metadata = parquetMetadata(buffer);
  for (const element of metadata.schema) {
    if (!dates.includes(element.name)) continue;
    element.type = 'INT96';
    delete element.type_length;
  }
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      if (dates.includes(chunk.meta_data!.path_in_schema[0]!)) chunk.meta_data!.type = 'INT96';
    }
  }
  const footerLength = new DataView(buffer).getUint32(buffer.byteLength - 8, true);
  const writer = new ByteWriter();
  writer.appendBuffer(buffer.slice(0, buffer.byteLength - 8 - footerLength));
  const footerStart = writer.offset;
  writeMetadata(writer, metadata);
  writer.appendUint32(writer.offset - footerStart);
  writer.appendBuffer(new TextEncoder().encode('PAR1').buffer);
  writeFileSync(path, new Uint8Array(writer.getBuffer()));
  console.log(path);
}
const daysSince1970 = (column: string) => `datediff('day', DATE '1970-01-01', ${column})`;
const meetings = await db.query<Record<string, string | number | boolean | null>>(
  trusted(`SELECT * REPLACE (${daysSince1970('date_start')} AS date_start, ${daysSince1970('date_end')} AS date_end)
           FROM (${MEETINGS})`)
);
writeInt96Meetings(`${DIR}/meetings-int96.parquet`, meetings);
// A typing slip (2311 for 2011) that Arrow's 64-bit nanoseconds would wrap round into 1726: refused instead.
writeInt96Meetings(
  `${DIR}/meetings-int96-beyond-2262.parquet`,
  meetings.map((m) =>
    m.meeting_id === '2011-10-paris' ? { ...m, date_end: (m.date_end as number) + 300 * 365 + 72 } : m
  )
);
db.close();
