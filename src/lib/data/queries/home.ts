/** Queries of the home page: partners per year and what the loaded data is made of. */
import { SOURCE_KINDS, TABLE_NAMES, type SourceKind, type TableName } from '../contract';
import { quoteIdent, quoteList, sql, trusted, type Db } from '../db';
import { CITED_SOURCES } from './funding-basis';
import { basisShipped } from './funding-basis-state';
import { PARTNER_SPAN, PERIODS } from './periods';

export interface PartnersPerYearRow {
  year: number;
  /** Partners whose join year is recorded. */
  known: number;
  /** Partners known to be members by this year whose join year is not recorded ("joined by Y, year unknown"). */
  yearUnknown: number;
  /** Of the partners counted, those resting on illustrative sources. */
  illustrative: number;
}

/** GP partners per year (grain: year; unit: partners), counted as the contract defines membership. */
export function partnersPerYear(db: Db, options: { countEu: boolean }): Promise<PartnersPerYearRow[]> {
  // A constant of the code, not a bound value: a statement without parameters runs in one round trip to the
  // engine (a prepared one takes three), and this is the overview's first chart.
  const countEu = trusted(options.countEu ? 'TRUE' : 'FALSE');
  return db.query<PartnersPerYearRow>(sql`
WITH partner_periods AS (
  SELECT m.start_year, m.end_year, m.year_known, m.last_event_year, s.kind AS source_kind
  FROM (${PERIODS}) m
  JOIN entities e USING (entity_id)
  JOIN sources s ON s.source_id = m.source_id
  WHERE m.status = 'partner' AND (${countEu} OR e.kind <> 'european_union')
),
bounds AS (SELECT first AS first_year, last AS last_year FROM (${PARTNER_SPAN}))
SELECT CAST(y.year AS INTEGER) AS year,
       CAST(count(*) FILTER (WHERE p.year_known) AS INTEGER) AS known,
       CAST(count(*) FILTER (WHERE NOT p.year_known) AS INTEGER) AS "yearUnknown",
       CAST(count(*) FILTER (WHERE p.source_kind = 'illustrative') AS INTEGER) AS illustrative
FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS y(year)
-- A period with an unknown start counts from the year a source confirms it, never from a guessed year.
LEFT JOIN partner_periods p ON p.start_year <= y.year AND (p.end_year IS NULL OR p.end_year >= y.year)
GROUP BY y.year
ORDER BY y.year`);
}

export interface TableMixRow {
  table: TableName;
  kind: SourceKind;
  rows: number;
}

/** Rows per table and source kind (seed, cited, illustrative); a table's row honesty is its sources' kind. */
export function tableMix(db: Db): Promise<TableMixRow[]> {
  const parts = TABLE_NAMES.map((t) =>
    t === 'sources'
      ? `SELECT 'sources' AS "table", kind, count(*) AS n FROM sources GROUP BY kind`
      : `SELECT '${t}' AS "table", s.kind, count(*) AS n FROM ${quoteIdent(t)} x
         JOIN sources s ON s.source_id = x.source_id GROUP BY s.kind`
  );
  return db.query<TableMixRow>(
    trusted(`SELECT "table", kind, CAST(n AS INTEGER) AS rows FROM (${parts.join(' UNION ALL ')})
     ORDER BY list_position(${quoteList(TABLE_NAMES)}, "table"), list_position(${quoteList(SOURCE_KINDS)}, kind)`)
  );
}

export interface SourceListRow {
  sourceId: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  kind: SourceKind;
  note: string | null;
  /** Rows of the other tables that cite this source. */
  citedBy: number;
}

/** Every source, seed notes first, with how many rows cite it. */
export function sourceList(db: Db): Promise<SourceListRow[]> {
  const citing = TABLE_NAMES.filter((t) => t !== 'sources')
    .map((t) => `SELECT source_id FROM ${quoteIdent(t)}`)
    .join(' UNION ALL ');
  return db.query<SourceListRow>(
    trusted(`SELECT s.source_id AS "sourceId", s.title, s.publisher, s.url, CAST(s.published AS VARCHAR) AS published,
            s.kind, s.note, CAST(count(c.source_id) AS INTEGER) AS "citedBy"
     FROM sources s LEFT JOIN (${citing}) c ON c.source_id = s.source_id
     GROUP BY s.source_id, s.title, s.publisher, s.url, s.published, s.kind, s.note
     ORDER BY list_position(${quoteList(SOURCE_KINDS)}, s.kind), s.published NULLS LAST, s.source_id`)
  );
}

export interface CitedSourceRow {
  sourceId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  kind: SourceKind;
}

/** Where a table's cited sources are: its rows, or for summarised contributions the list the build shipped. */
const citing = (db: Db, table: TableName) =>
  table === 'contributions' && basisShipped(db) ? CITED_SOURCES : quoteIdent(table);

/** The sources cited by the rows of one table: the source line under a chart of that table. */
export function citedSources(db: Db, table: Exclude<TableName, 'sources'>): Promise<CitedSourceRow[]> {
  return db.query<CitedSourceRow>(
    trusted(`SELECT s.source_id AS "sourceId", s.title, s.publisher, CAST(s.published AS VARCHAR) AS published, s.kind
     FROM sources s WHERE s.source_id IN (SELECT source_id FROM ${citing(db, table)})
     ORDER BY list_position(${quoteList(SOURCE_KINDS)}, s.kind), s.published NULLS LAST, s.source_id`)
  );
}
