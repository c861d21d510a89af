/**
 * `npx tsx scripts/parquet-fixtures.ts`: writes tests/fixtures/parquet/, the sample's contributions as the
 * Parquet writers of a team's tools write them: every standard codec, data pages v2, many small row groups, and
 * the types writers use for the contract's columns (BIGINT years, DECIMAL amounts). Native DuckDB, one thread: the
 * same bytes every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { tableSpec } from '../src/lib/data/contract.ts';
import { trusted } from '../src/lib/data/db.ts';
import { openNativeDb } from '../src/lib/data/duckdb-native.ts';

const DIR = 'tests/fixtures/parquet';
const SAMPLE = `SELECT * FROM read_parquet('static/data/contributions.parquet') ORDER BY contribution_id`;

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
db.close();
