/**
 * The funding basis: contributions pre-aggregated so that every funding figure (the headline, the rule effects,
 * the charts by area, partner and year) is answered from a few thousand rows instead of a million.
 *
 * A basis table groups contributions by everything a figure can be asked about: the priority area and the stage,
 * every column a counting rule reads (each RULES entry names its own), the source (its kind, which the
 * illustrative rule reads, and its title, which the charts list), whether the source gives the years, and, in the
 * tables that keep them, the donor, the recipient (what match-making reads) and the contribution's years (its
 * first year, and the last year it can be spread to). Each group keeps its rows, its amount, and its largest
 * contribution. Everything kept adds up again (sums of sums, the largest of the largest), so a coarser table is
 * built from a finer one, and a query picks the coarsest table that still has what it asks about: no donor unless
 * a partner is filtered or ranked, no years unless a year range is set or the chart is per year, no recipient but
 * for match-making.
 *
 * This module says what the tables are and the statements that build them, in steps of a few tens of thousands
 * of contributions each, so the one engine thread is never held for long; funding-basis-state.ts runs them and
 * knows when the basis is ready.
 */
import { RULES, type RuleSpec } from '../counting-rules';
import { YEARS_GIVEN_TEXT as YEARS_GIVEN } from './funding-filters';

/** The schema that holds the basis: dropped whole, with every table a build made in it. */
export const BASIS_SCHEMA = 'funding_basis';

/**
 * The basis tables, from the finest (donor, recipient and years) to the coarsest (neither). The ones with the
 * recipient but not the years serve match-making alone, which shows no largest contribution: they keep none.
 */
export const BASIS_TABLES = [
  { name: `${BASIS_SCHEMA}.by_donor_and_years`, donor: true, years: true, recipient: true, largest: true },
  { name: `${BASIS_SCHEMA}.by_years`, donor: false, years: true, recipient: false, largest: true },
  {
    name: `${BASIS_SCHEMA}.by_donor_and_recipient`,
    donor: true,
    years: false,
    recipient: true,
    largest: false
  },
  { name: `${BASIS_SCHEMA}.by_recipient`, donor: false, years: false, recipient: true, largest: false },
  { name: `${BASIS_SCHEMA}.by_donor`, donor: true, years: false, recipient: false, largest: true },
  { name: `${BASIS_SCHEMA}.by_neither`, donor: false, years: false, recipient: false, largest: true }
] as const;
export type BasisTable = (typeof BASIS_TABLES)[number];

/**
 * Per year, one table for each way of attributing multi-year amounts: what the per-year chart reads when no
 * partner is chosen (a group spread over its years is a row per year, its money and its largest contribution's
 * divided among them).
 */
export const PER_YEAR = {
  spread: `${BASIS_SCHEMA}.per_year_spread`,
  first_year: `${BASIS_SCHEMA}.per_year_first`
} as const;

/** What a query asks of a table: the donor, the years, the recipient (match-making). */
export interface BasisNeeds {
  donor: boolean;
  years: boolean;
  recipient?: boolean;
}

/** The coarsest table that has the donor, the years and the recipient when they are needed. */
export function basisTable(needs: BasisNeeds): BasisTable {
  return [...BASIS_TABLES]
    .reverse()
    .find(
      (t) => (t.donor || !needs.donor) && (t.years || !needs.years) && (t.recipient || !needs.recipient)
    )!;
}

/** Contributions grouped per build step: small enough that one step stays well under ~100 ms in the browser. */
export const STEP_ROWS = 32_768;

/** The columns the rules read, in `c.` (contribution) and `s.` (source) form, once each. */
const RULE_COLUMNS = [...new Set((RULES as readonly RuleSpec[]).flatMap((r) => r.reads ?? []))];
const ruleColumns = (table: 'c' | 's') =>
  RULE_COLUMNS.filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(2));

/**
 * Each key of a table and how it is read from a contribution `c` joined with its source `s`. The source's
 * columns sit in a struct named `s`, so each rule's own predicate (`s.kind = 'illustrative'`) reads the basis as
 * it reads the contributions.
 */
function keysOf(t: BasisTable): [name: string, fromContributions: string][] {
  const own = [...new Set(['priority_area', 'stage', ...ruleColumns('c')])];
  const source = [...new Set([...ruleColumns('s'), 'title'])].map((c) => `${c} := s.${c}`);
  return [
    ...(t.donor ? [['donor_id', 'c.donor_id'] as [string, string]] : []),
    ...(t.recipient ? [['recipient_id', 'c.recipient_id'] as [string, string]] : []),
    ...own.map((c): [string, string] => [c, `c.${c}`]),
    ['s', `struct_pack(${source.join(', ')})`],
    ['years_given', YEARS_GIVEN],
    ...(t.years
      ? [
          ['first_year', 'c.year'] as [string, string],
          ['period_end', `CASE WHEN ${YEARS_GIVEN} THEN c.period_end_year END`] as [string, string]
        ]
      : [])
  ];
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
  const keys = keysOf(t).map(([k]) => k);
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
    ...Array.from(
      { length: parts },
      (_, k) =>
        `CREATE TABLE ${part(k)} AS ${groupedSql(
          BY_DONOR_AND_RECIPIENT,
          `hash(c.donor_id, c.recipient_id) % ${parts} = ${k}`
        )};`
    ),
    `CREATE VIEW ${BY_DONOR_AND_RECIPIENT.name} AS ${together(Array.from({ length: parts }, (_, k) => part(k)))};`,
    `CREATE TABLE ${BY_RECIPIENT.name} AS ${summedSql(BY_RECIPIENT, BY_DONOR_AND_RECIPIENT.name)};`
  ];
}

/** The basis and everything a build made, gone. */
export const DROP_FUNDING_BASIS = `DROP SCHEMA IF EXISTS ${BASIS_SCHEMA} CASCADE;`;

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
