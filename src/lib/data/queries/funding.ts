/**
 * Queries of the funding view: contributions counted under explicit counting rules, against assistance needs.
 * Amounts are nominal USD. Rules and filters reach SQL only as bound parameters.
 */
import { PRIORITY_AREAS, STAGES, type PriorityArea } from '../contract';
import {
  DEFAULT_RULES,
  changedRules,
  describeRule,
  rulesKeep,
  type CountingRules,
  type RuleName,
  type Stage
} from '../counting-rules';
import { constList, sql, trusted, type Db, type Sql } from '../db';
import { basisTotal } from './funding-basis';

export interface FundingFilters {
  /** A donor's entity id, or null for all. */
  donor: string | null;
  area: PriorityArea | null;
  /** First and last year (of attribution, for money; of request, for needs); null for no bound. */
  yearFrom: number | null;
  yearTo: number | null;
}

/** The year filter, on a year column of the query it is spliced into. */
export function inYears(column: Sql, f: FundingFilters): Sql {
  return sql`${column} BETWEEN COALESCE(${f.yearFrom}::INTEGER, 0) AND COALESCE(${f.yearTo}::INTEGER, 9999)`;
}

/** No year bound is set: amounts whose years the sources do not give are in view only then. */
function allYears(f: FundingFilters): Sql {
  return sql`(${f.yearFrom}::INTEGER IS NULL AND ${f.yearTo}::INTEGER IS NULL)`;
}

/** The contribution's years are given by its source (`year_basis` stated, or not recorded, which reads so). */
const YEARS_GIVEN = trusted(`COALESCE(c.year_basis, 'stated') = 'stated'`);

/**
 * Contribution rows counted under the rules, one row per attributed year: a multi-year amount is spread evenly
 * over its years (`period_end_year` inclusive) under `spread`, and sits whole in its first year under
 * `first_year`. A row whose years its source does not give (`year_basis = 'by'`) has no year here (null): it
 * counts when no year bound is set, and falls outside any year range. All stages are kept.
 */
function countedSql(rules: CountingRules, f: FundingFilters): Sql {
  const spread = sql`(${rules.multiYear === 'spread'} AND c.period_end_year IS NOT NULL AND ${YEARS_GIVEN})`;
  return sql`
    SELECT c.contribution_id, c.donor_id, c.priority_area, c.stage, c.channel, c.in_kind,
           COALESCE(c.project, c.contribution_id)
             || CASE WHEN ${spread} THEN ' (spread evenly over ' || c.year || '–' || c.period_end_year || ', '
                                         || (c.period_end_year - c.year + 1) || ' years)' ELSE '' END AS label,
           s.kind AS source_kind, s.title AS source_title,
           CASE WHEN ${YEARS_GIVEN} THEN y.year END AS year,
           CASE WHEN ${spread} THEN c.amount_usd / (c.period_end_year - c.year + 1) ELSE c.amount_usd END AS amount
    FROM contributions c
    JOIN sources s ON s.source_id = c.source_id,
    unnest(CASE WHEN ${spread} THEN CAST(range(c.year, c.period_end_year + 1) AS INTEGER[]) ELSE [c.year] END)
      AS y(year)
    WHERE ${rulesKeep(rules)}
      AND (${f.donor}::VARCHAR IS NULL OR c.donor_id = ${f.donor})
      AND (${f.area}::VARCHAR IS NULL OR c.priority_area = ${f.area})
      AND CASE WHEN ${YEARS_GIVEN} THEN ${inYears(sql`y.year`, f)} ELSE ${allYears(f)} END`;
}

/** What every money row carries for charts and tooltips. */
const MONEY = trusted(`
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(DISTINCT contribution_id) AS INTEGER) AS rows,
  CAST(COALESCE(sum(amount) FILTER (WHERE source_kind = 'illustrative'), 0) AS DOUBLE) AS illustrative,
  string_agg(DISTINCT label, '; ' ORDER BY label) AS labels,
  string_agg(DISTINCT source_title, '; ' ORDER BY source_title) AS sources`);

export interface MoneyRow {
  stage: Stage;
  /** USD counted under the rules (all stages are returned; the rules' stage is the headline). */
  amount: number;
  /** Contribution rows behind the amount. */
  rows: number;
  /** USD of the amount that rests on illustrative sources. */
  illustrative: number;
  labels: string;
  sources: string;
}

export interface AreaMoneyRow extends MoneyRow {
  area: PriorityArea;
}

/** Counted money per priority area and stage (grain: area × stage; unit: USD). */
export function contributionsByArea(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<AreaMoneyRow[]> {
  return db.query<AreaMoneyRow>(
    sql`SELECT priority_area AS area, stage, ${MONEY} FROM (${countedSql(rules, f)})
     GROUP BY priority_area, stage
     ORDER BY list_position(${constList(PRIORITY_AREAS)}, priority_area), list_position(${constList(STAGES)}, stage)`
  );
}

export interface DonorMoneyRow extends MoneyRow {
  donorId: string;
  donor: string;
}

/** Partners drawn one by one; the rest are one bar, so the chart stays readable (and small) at any data size. */
export const TOP_PARTNERS = 25;
export const OTHER_PARTNERS_ID = '_others';

/**
 * Counted money per donor and stage (grain: donor × stage; unit: USD): the TOP_PARTNERS donors with the most
 * money at the rules' stage, and every other donor summed in one row (OTHER_PARTNERS_ID).
 */
export function contributionsByDonor(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<DonorMoneyRow[]> {
  const top = trusted(String(TOP_PARTNERS));
  return db.query<DonorMoneyRow>(
    sql`WITH c AS (${countedSql(rules, f)}),
     ranked AS (
       SELECT donor_id, count(*) OVER () AS donors,
              row_number() OVER (ORDER BY COALESCE(sum(amount) FILTER (WHERE stage = ${rules.stage}::VARCHAR), 0) DESC, donor_id) AS rank
       FROM c GROUP BY donor_id),
     grouped AS (
       SELECT c.*,
              CASE WHEN r.rank <= ${top} THEN c.donor_id ELSE ${OTHER_PARTNERS_ID} END AS group_id,
              CASE WHEN r.rank <= ${top} THEN e.name
                   ELSE 'Other partners (' || CAST(r.donors - ${top} AS VARCHAR) || ')' END AS group_name
       FROM c JOIN ranked r USING (donor_id) JOIN entities e ON e.entity_id = c.donor_id)
     SELECT group_id AS "donorId", any_value(group_name) AS donor, stage, ${MONEY}
     FROM grouped GROUP BY group_id, stage
     ORDER BY group_id, stage`
  );
}

export interface YearMoneyRow extends MoneyRow {
  /** Null: the sources do not give the years of these amounts ("years not given"). */
  year: number | null;
}

/** Counted money per attributed year and stage (grain: year × stage; unit: USD); years not given last. */
export function contributionsByYear(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<YearMoneyRow[]> {
  return db.query<YearMoneyRow>(
    sql`SELECT CAST(year AS INTEGER) AS year, stage, ${MONEY} FROM (${countedSql(rules, f)})
        GROUP BY year, stage ORDER BY year NULLS LAST, stage`
  );
}

export interface CountedTotal {
  amount: number;
  rows: number;
  illustrative: number;
}

/**
 * The headline by scanning every contribution: USD counted at the rules' stage, and the rows behind it (`where`:
 * a narrower part of them). The view asks the basis instead (countedTotal); this is what the basis must equal.
 */
export async function scannedTotal(
  db: Db,
  rules: CountingRules,
  f: FundingFilters,
  where: Sql = sql`TRUE`
): Promise<CountedTotal> {
  const [row] = await db.query<CountedTotal>(
    sql`SELECT CAST(COALESCE(sum(amount), 0) AS DOUBLE) AS amount, CAST(count(DISTINCT contribution_id) AS INTEGER) AS rows,
            CAST(COALESCE(sum(amount) FILTER (WHERE source_kind = 'illustrative'), 0) AS DOUBLE) AS illustrative
     FROM (${countedSql(rules, f)}) WHERE stage = ${rules.stage} AND ${where}`
  );
  return row!;
}

/** The headline: USD counted at the rules' stage and the rows behind it, from the funding basis. */
export function countedTotal(db: Db, rules: CountingRules, f: FundingFilters): Promise<CountedTotal> {
  return basisTotal(db, rules, f);
}

/**
 * What a year range leaves out: money whose years the sources do not give, at the rules' stage, under the rules
 * and the other filters. Nothing when no year bound is set (it is all in view then).
 */
export async function leftOutByYears(db: Db, rules: CountingRules, f: FundingFilters): Promise<CountedTotal> {
  if (f.yearFrom === null && f.yearTo === null) return { amount: 0, rows: 0, illustrative: 0 };
  return basisTotal(db, rules, { ...f, yearFrom: null, yearTo: null }, { yearsNotGiven: true });
}

export interface RuleEffect {
  rule: RuleName;
  /** The rule's setting, in words. */
  words: string;
  /** USD this rule alone adds (positive) or removes (negative) from the headline under the defaults. */
  amount: number;
  rows: number;
}

/**
 * For each rule that differs from the defaults: the money and rows it changes on its own, measured as the
 * headline under the defaults with only that rule changed, minus the headline under the defaults.
 */
export async function ruleEffects(db: Db, rules: CountingRules, f: FundingFilters): Promise<RuleEffect[]> {
  const base = await countedTotal(db, DEFAULT_RULES, f);
  const effects: RuleEffect[] = [];
  for (const rule of changedRules(rules)) {
    const alone = await countedTotal(db, { ...DEFAULT_RULES, [rule]: rules[rule] }, f);
    effects.push({
      rule,
      words: describeRule(rules, rule),
      amount: alone.amount - base.amount,
      rows: alone.rows - base.rows
    });
  }
  return effects;
}

export interface DonorOption {
  donorId: string;
  name: string;
}

/** Donors with at least one contribution, for the filter. */
export function donorOptions(db: Db): Promise<DonorOption[]> {
  return db.query<DonorOption>(
    sql`SELECT DISTINCT c.donor_id AS "donorId", e.name FROM contributions c JOIN entities e ON e.entity_id = c.donor_id
     ORDER BY e.name`
  );
}

/** The first and last year of contributions (spread to their last year; years given) and needs, for the filter. */
export async function fundingYearRange(db: Db): Promise<{ first: number; last: number }> {
  const [row] = await db.query<{ first: number; last: number }>(
    sql`SELECT CAST(min(y) AS INTEGER) AS first, CAST(max(y) AS INTEGER) AS last FROM (
       SELECT year AS y FROM contributions c WHERE ${YEARS_GIVEN}
       UNION ALL SELECT period_end_year FROM contributions c WHERE ${YEARS_GIVEN}
       UNION ALL SELECT year FROM needs)`
  );
  return row ?? { first: 2002, last: 2002 };
}
