/**
 * The statements that build the funding basis (funding-basis.ts says what its tables are), in steps, so the one
 * engine thread is never held for long: each step is one statement batch; funding-basis-state.ts runs them.
 */
import { PRIORITY_AREAS, STAGES } from '../contract';
import { YEARS_GIVEN_TEXT as YEARS_GIVEN } from './funding-filters';
import {
  BASIS_SCHEMA,
  BASIS_TABLES,
  CODES,
  DROP_FUNDING_BASIS,
  PER_YEAR,
  keysOf,
  storedKeys,
  type BasisTable
} from './funding-basis';

/** Contributions grouped per build step: small enough that one step stays well under ~100 ms in the browser. */
export const STEP_ROWS = 32_768;

export const enumOf = (values: readonly string[]) => `ENUM(${values.map((v) => `'${v}'`).join(', ')})`;

/** A coded table's groups from the same groups keyed by text (`grouped`, with a table's keysOf names). */
function codedSql(t: BasisTable, grouped: string): string {
  const column = ([k]: [string, string]) => {
    if (k === 'donor_id') return 'd.code AS donor_code';
    if (k === 'recipient_id') return 'r.code AS recipient_code';
    if (k === 'priority_area') return `CAST(g.priority_area AS ${enumOf(PRIORITY_AREAS)}) AS priority_area`;
    if (k === 'stage') return `CAST(g.stage AS ${enumOf(STAGES)}) AS stage`;
    return `g.${k}`;
  };
  return `SELECT ${keysOf(t).map(column).join(', ')}, g.rows, g.amount
          FROM (${grouped}) g
          ${t.donor ? `JOIN ${CODES} d ON d.id = g.donor_id` : ''}
          LEFT JOIN ${CODES} r ON r.id = g.recipient_id`;
}

/** The largest contribution of a group: compared by amount, then label, so "the largest" is the same either way. */
const LARGEST = `max(struct_pack(amount := c.amount_usd, label := COALESCE(c.project, c.contribution_id),
  first_year := c.year, period_end := CASE WHEN ${YEARS_GIVEN} THEN c.period_end_year END))`;

const [FINEST, BY_YEARS, BY_DONOR_AND_RECIPIENT, BY_RECIPIENT, BY_DONOR, COARSEST] = BASIS_TABLES;
/** The tables each step sums its slice of the finest table into, and merges after. */
const SUMMED = [BY_YEARS, BY_DONOR];
/** What each step adds: its slice of the finest table, and that slice summed for the middle ones. */
const sliceOf = (t: BasisTable, step: number) => `${t.name}_${step}`;

/**
 * The contributions `where` holds, grouped by a table's keys. They are grouped by their source's id and the source
 * joined to the groups after: a third less work than joining every contribution first.
 */
function groupedSql(t: BasisTable, where: string): string {
  const keys = keysOf(t).filter(([k]) => k !== 's');
  return `SELECT ${keysOf(t)
    .map(([k, e]) => (k === 's' ? `${e} AS s` : `g.${k}`))
    .join(', ')}, g.rows, g.amount${t.largest ? ', g.largest' : ''}
       FROM (SELECT ${keys.map(([k, e]) => `${e} AS ${k}`).join(', ')}, c.source_id,
                    CAST(count(*) AS INTEGER) AS rows, sum(c.amount_usd) AS amount
                    ${t.largest ? `, ${LARGEST} AS largest` : ''}
             FROM contributions c WHERE ${where}
             GROUP BY ALL) g
       JOIN sources s ON s.source_id = g.source_id`;
}

/**
 * One step: a slice of contributions grouped into tables of its own (none is copied into a growing table: at a
 * million rows the copies cost more than the grouping).
 */
function stepSql(step: number): string {
  const from = step * STEP_ROWS;
  return `CREATE TABLE ${sliceOf(FINEST, step)} AS
       ${groupedSql(FINEST, `c.rowid >= ${from} AND c.rowid < ${from + STEP_ROWS}`)};
     ${SUMMED.map((t) => `CREATE TABLE ${sliceOf(t, step)} AS ${summedSql(t, sliceOf(FINEST, step))};`).join('\n')}`;
}

/** A table's groups summed again from a finer table's. */
function summedSql(t: BasisTable, from: string): string {
  const keys = storedKeys(t);
  return `SELECT ${keys.join(', ')}, CAST(sum(rows) AS INTEGER) AS rows, sum(amount) AS amount
            ${t.largest ? ', max(largest) AS largest' : ''}
          FROM ${from} GROUP BY ${keys.join(', ')}`;
}

const together = (tables: readonly string[]) => tables.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL ');

/** Slices summed together this many at a time, so no one step sums them all. */
const FAN_IN = 4;

/**
 * The steps that sum a table's slices into the table: four slices at a time into a slice of the next round,
 * until one is left. Each step drops what it summed.
 */
function mergeSteps(t: BasisTable, steps: number): string[] {
  const out: string[] = [];
  let round = Array.from({ length: steps }, (_, i) => sliceOf(t, i));
  for (let level = 1; round.length > 1; level++) {
    const next: string[] = [];
    for (let i = 0; i < round.length; i += FAN_IN) {
      const parts = round.slice(i, i + FAN_IN);
      const into = `${t.name}_${level}_${next.length}`;
      next.push(into);
      out.push(`CREATE TABLE ${into} AS ${summedSql(t, `(${together(parts)})`)};
                ${parts.map((p) => `DROP TABLE ${p};`).join(' ')}`);
    }
    round = next;
  }
  out.push(`ALTER TABLE ${round[0]} RENAME TO ${t.name.slice(BASIS_SCHEMA.length + 1)};`);
  return out;
}

/** Contributions per part of the table with donor and recipient. */
const PART_ROWS = 131_072;

/**
 * The table with donor and recipient, in parts that hold disjoint pairs of donor and recipient (by their hash):
 * each part groups its pairs' contributions, and the parts are read together with no summing again. Its groups
 * meet across slices too often for merging slices to pay (at a million rows, more than twice the work).
 */
function pairedSteps(rows: number): string[] {
  const parts = Math.max(1, Math.ceil(rows / PART_ROWS));
  const part = (k: number) => `${BY_DONOR_AND_RECIPIENT.name}_${k}`;
  return [
    `CREATE TABLE ${CODES} AS
       SELECT id, CAST(row_number() OVER (ORDER BY id) AS INTEGER) AS code
       FROM (SELECT donor_id AS id FROM contributions UNION SELECT recipient_id FROM contributions)
       WHERE id IS NOT NULL;`,
    ...Array.from(
      { length: parts },
      (_, k) =>
        `CREATE TABLE ${part(k)} AS ${codedSql(
          BY_DONOR_AND_RECIPIENT,
          groupedSql(BY_DONOR_AND_RECIPIENT, `hash(c.donor_id, c.recipient_id) % ${parts} = ${k}`)
        )};`
    ),
    `CREATE VIEW ${BY_DONOR_AND_RECIPIENT.name} AS ${together(Array.from({ length: parts }, (_, k) => part(k)))};`,
    `CREATE TABLE ${BY_RECIPIENT.name} AS ${summedSql(BY_RECIPIENT, BY_DONOR_AND_RECIPIENT.name)};`
  ];
}

/** The statements that build the basis over `rows` contributions, in order; each one is a step. */
export function buildSteps(rows: number): string[] {
  const steps = Math.max(1, Math.ceil(rows / STEP_ROWS));
  return [
    `${DROP_FUNDING_BASIS} CREATE SCHEMA ${BASIS_SCHEMA};`,
    ...Array.from({ length: steps }, (_, i) => stepSql(i)),
    // The finest table is its slices, read together (its groups are nearly its rows: summing them again would
    // cost more than it saves); the middle ones are summed again, since one slice's groups may meet another's;
    // the coarsest comes from the one without years.
    `CREATE VIEW ${FINEST.name} AS ${together(Array.from({ length: steps }, (_, i) => sliceOf(FINEST, i)))};`,
    ...SUMMED.flatMap((t) => mergeSteps(t, steps)),
    ...pairedSteps(rows),
    `CREATE TABLE ${COARSEST.name} AS ${summedSql(COARSEST, BY_DONOR.name)};`,
    perYearSql('spread'),
    perYearSql('first_year')
  ];
}

/** The per-year table of one mode, from the table with years (see PER_YEAR). */
function perYearSql(mode: keyof typeof PER_YEAR): string {
  const keys = keysOf(COARSEST).map(([k]) => k);
  const last = mode === 'spread' ? 'COALESCE(period_end, first_year)' : 'first_year';
  return `CREATE TABLE ${PER_YEAR[mode]} AS
    SELECT CASE WHEN years_given THEN y.year END AS year, ${keys.join(', ')},
           CAST(sum(rows) AS INTEGER) AS rows, sum(amount / years) AS amount,
           max(struct_pack(amount := largest.amount / years, label := largest.label,
                           first_year := largest.first_year, period_end := largest.period_end)) AS largest
    FROM (SELECT *, ${last} - first_year + 1 AS years FROM ${BY_YEARS.name}),
         unnest(CAST(range(first_year, ${last} + 1) AS INTEGER[])) AS y(year)
    GROUP BY ALL;`;
}
