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
 * This module says what the tables are; funding-basis-build.ts the statements that build them, in steps of a few
 * tens of thousands of contributions each, so the one engine thread is never held for long; funding-basis-state.ts
 * runs them and knows when the basis is ready.
 */
import { RULES, type RuleSpec } from '../counting-rules';
import { YEARS_GIVEN_TEXT as YEARS_GIVEN } from './funding-filters';

/** The schema that holds the basis: dropped whole, with every table a build made in it. */
export const BASIS_SCHEMA = 'funding_basis';

/**
 * The basis tables, from the finest (donor, recipient and years) to the coarsest (neither). The ones with the
 * recipient but not the years serve match-making alone, which shows no largest contribution: they keep none. They
 * are `coded`: partner and recipient as integer codes (CODES), area and stage as enums, since match-making groups
 * them again on every change and grouping on integers is four times faster than on text (25 ms -> 6 ms at a
 * million contributions in duckdb-wasm).
 */
export const BASIS_TABLES = [
  {
    name: `${BASIS_SCHEMA}.by_donor_and_years`,
    donor: true,
    years: true,
    recipient: true,
    largest: true,
    coded: false
  },
  {
    name: `${BASIS_SCHEMA}.by_years`,
    donor: false,
    years: true,
    recipient: false,
    largest: true,
    coded: false
  },
  {
    name: `${BASIS_SCHEMA}.by_donor_and_recipient`,
    donor: true,
    years: false,
    recipient: true,
    largest: false,
    coded: true
  },
  {
    name: `${BASIS_SCHEMA}.by_recipient`,
    donor: false,
    years: false,
    recipient: true,
    largest: false,
    coded: true
  },
  {
    name: `${BASIS_SCHEMA}.by_donor`,
    donor: true,
    years: false,
    recipient: false,
    largest: true,
    coded: false
  },
  {
    name: `${BASIS_SCHEMA}.by_neither`,
    donor: false,
    years: false,
    recipient: false,
    largest: true,
    coded: false
  }
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

/**
 * Only in a basis the build shipped (funding-basis-ship.ts), beside contributions it summarised: the sources every
 * contribution cites, which the charts' source lines list.
 */
export const CITED_SOURCES = `${BASIS_SCHEMA}.cited_sources`;

/** The partners' and recipients' ids and their integer codes, for the coded tables. */
export const CODES = `${BASIS_SCHEMA}.codes`;

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

/** The columns the rules read, in `c.` (contribution) and `s.` (source) form, once each. */
const RULE_COLUMNS = [...new Set((RULES as readonly RuleSpec[]).flatMap((r) => r.reads ?? []))];
const ruleColumns = (table: 'c' | 's') =>
  RULE_COLUMNS.filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(2));

/**
 * Each key of a table and how it is read from a contribution `c` joined with its source `s`. The source's
 * columns sit in a struct named `s`, so each rule's own predicate (`s.kind = 'illustrative'`) reads the basis as
 * it reads the contributions.
 */
export function keysOf(t: BasisTable): [name: string, fromContributions: string][] {
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

/** A table's key columns as stored: in a coded table, `donor_code` and `recipient_code` for the ids. */
export function storedKeys(t: BasisTable): string[] {
  const coded = (k: string) => (t.coded ? k.replace(/^(donor|recipient)_id$/, '$1_code') : k);
  return keysOf(t).map(([k]) => coded(k));
}

/** The basis and everything a build made, gone. */
export const DROP_FUNDING_BASIS = `DROP SCHEMA IF EXISTS ${BASIS_SCHEMA} CASCADE;`;
