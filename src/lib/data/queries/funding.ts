/**
 * Queries of the funding view: contributions counted under explicit counting rules, against assistance needs.
 * Amounts are nominal USD. Rules and filters reach SQL only as bound parameters.
 */
import { PRIORITY_AREAS, STAGES, type PriorityArea } from '../contract';
import {
  DEFAULT_RULES,
  changedRules,
  describeRule,
  type CountingRules,
  type RuleName,
  type Stage
} from '../counting-rules';
import { constList, sql, trusted, type Db, type Sql } from '../db';
import { basisTable } from './funding-basis';
import { basisSettled, basisShipped, basisTableReady } from './funding-basis-state';
import { YEARS_GIVEN, hasYearRange, type FundingFilters } from './funding-filters';
import { basisMarks, marksTable, scannedMarks, type MarkBy, type MarkOptions } from './funding-marks';

export { inYears, type FundingFilters } from './funding-filters';

/** The marks' SQL: from the basis once it is ready (a build under way is waited for). */
async function marks(db: Db, rules: CountingRules, f: FundingFilters, by: MarkBy, o: MarkOptions = {}) {
  if (!(await basisSettled(db))) return scannedMarks(rules, f, by, o);
  // The table the marks read, loaded first if the build shipped it for later.
  await basisTableReady(db, marksTable(f, by).name);
  return basisMarks(rules, f, by, o);
}

/** What every money row carries for charts and tooltips, from a relation of marks. */
const MONEY = trusted(`amount, rows, illustrative, top.label AS labels,
  array_to_string(list_sort(titles), '; ') AS sources`);

export interface MoneyRow {
  stage: Stage;
  /** USD counted under the rules (all stages are returned; the rules' stage is the headline). */
  amount: number;
  /** Contribution rows behind the amount. */
  rows: number;
  /** USD of the amount that rests on illustrative sources. */
  illustrative: number;
  /** The largest contribution behind the amount: its project, and its spread over years when it is spread. */
  labels: string;
  /** The titles of the sources behind the amount, in order, joined by "; ". */
  sources: string;
}

export interface AreaMoneyRow extends MoneyRow {
  area: PriorityArea;
}

/** Counted money per priority area and stage (grain: area × stage; unit: USD). */
export async function contributionsByArea(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<AreaMoneyRow[]> {
  return db.query<AreaMoneyRow>(
    sql`SELECT key AS area, stage, ${MONEY} FROM (${await marks(db, rules, f, 'area')})
     ORDER BY list_position(${constList(PRIORITY_AREAS)}, key), list_position(${constList(STAGES)}, stage)`
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
export async function contributionsByDonor(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<DonorMoneyRow[]> {
  const top = trusted(String(TOP_PARTNERS));
  return db.query<DonorMoneyRow>(
    sql`WITH m AS (${await marks(db, rules, f, 'donor')}),
     ranked AS (
       SELECT key, count(*) OVER () AS donors,
              row_number() OVER (ORDER BY COALESCE(sum(amount) FILTER (WHERE stage = ${rules.stage}::VARCHAR), 0) DESC, key) AS rank
       FROM m GROUP BY key),
     grouped AS (
       SELECT m.*,
              CASE WHEN r.rank <= ${top} THEN m.key ELSE ${OTHER_PARTNERS_ID} END AS group_id,
              CASE WHEN r.rank <= ${top} THEN e.name
                   ELSE 'Other partners (' || CAST(r.donors - ${top} AS VARCHAR) || ')' END AS group_name
       FROM m JOIN ranked r USING (key) JOIN entities e ON e.entity_id = m.key)
     SELECT group_id AS "donorId", any_value(group_name) AS donor, stage,
            CAST(sum(amount) AS DOUBLE) AS amount, CAST(sum(rows) AS INTEGER) AS rows,
            CAST(sum(illustrative) AS DOUBLE) AS illustrative, struct_extract(max(top), 'label') AS labels,
            array_to_string(list_sort(list_distinct(flatten(list(titles)))), '; ') AS sources
     FROM grouped GROUP BY group_id, stage
     ORDER BY group_id, stage`
  );
}

export interface YearMoneyRow extends MoneyRow {
  /** Null: the sources do not give the years of these amounts ("years not given"). */
  year: number | null;
}

/** Counted money per attributed year and stage (grain: year × stage; unit: USD); years not given last. */
export async function contributionsByYear(
  db: Db,
  rules: CountingRules,
  f: FundingFilters
): Promise<YearMoneyRow[]> {
  return db.query<YearMoneyRow>(
    sql`SELECT CAST(key AS INTEGER) AS year, stage, ${MONEY} FROM (${await marks(db, rules, f, 'year')})
        ORDER BY year NULLS LAST, stage`
  );
}

export interface CountedTotal {
  amount: number;
  rows: number;
  illustrative: number;
}

/**
 * The headline under each of several rule sets, in one statement (one round trip): USD counted at each set's
 * stage, the contribution rows behind it and its illustrative part; with `yearsNotGiven`, only the money whose
 * years the sources do not give.
 */
async function headlines(
  db: Db,
  ruleSets: readonly CountingRules[],
  f: FundingFilters,
  yearsNotGiven = false
): Promise<CountedTotal[]> {
  const parts: Sql[] = [];
  for (const [i, rules] of ruleSets.entries()) {
    const m = await marks(db, rules, f, 'none', { stage: rules.stage, yearsNotGiven });
    parts.push(sql`SELECT ${trusted(String(i))} AS i, amount, rows, illustrative FROM (${m})`);
  }
  const all = parts.reduce((a, b) => sql`${a} UNION ALL ${b}`);
  const rows = await db.query<CountedTotal & { i: number }>(
    sql`SELECT i, CAST(COALESCE(sum(amount), 0) AS DOUBLE) AS amount, CAST(COALESCE(sum(rows), 0) AS INTEGER) AS rows,
               CAST(COALESCE(sum(illustrative), 0) AS DOUBLE) AS illustrative
        FROM (${all}) GROUP BY i`
  );
  // A rule set that counts nothing has no row: its headline is zero.
  return ruleSets.map((_, i) => {
    const { amount = 0, rows: n = 0, illustrative = 0 } = rows.find((r) => r.i === i) ?? {};
    return { amount, rows: n, illustrative };
  });
}

/** The headline: USD counted at the rules' stage and the rows behind it. */
export async function countedTotal(db: Db, rules: CountingRules, f: FundingFilters): Promise<CountedTotal> {
  return (await headlines(db, [rules], f))[0]!;
}

/**
 * What a year range leaves out: money whose years the sources do not give, at the rules' stage, under the rules
 * and the other filters. Nothing when no year bound is set (it is all in view then).
 */
export async function leftOutByYears(db: Db, rules: CountingRules, f: FundingFilters): Promise<CountedTotal> {
  if (!hasYearRange(f)) return { amount: 0, rows: 0, illustrative: 0 };
  return (await headlines(db, [rules], { ...f, yearFrom: null, yearTo: null }, true))[0]!;
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
  const changed = changedRules(rules);
  if (changed.length === 0) return [];
  const alone = changed.map((rule) => ({ ...DEFAULT_RULES, [rule]: rules[rule] }));
  const [base, ...each] = await headlines(db, [DEFAULT_RULES, ...alone], f);
  return changed.map((rule, i) => ({
    rule,
    words: describeRule(rules, rule),
    amount: each[i]!.amount - base!.amount,
    rows: each[i]!.rows - base!.rows
  }));
}

export interface DonorOption {
  donorId: string;
  name: string;
}

/**
 * The contributions' donors and years, as the filters list them: from the rows, or from the basis when the build
 * shipped one over more contributions than the database holds (the two say the same of the same rows).
 */
function contributionKeys(db: Db): { donors: Sql; years: Sql } {
  if (!basisShipped(db))
    return {
      donors: sql`SELECT DISTINCT donor_id FROM contributions`,
      years: sql`SELECT year AS y FROM contributions c WHERE ${YEARS_GIVEN}
                 UNION ALL SELECT period_end_year FROM contributions c WHERE ${YEARS_GIVEN}`
    };
  const byDonor = trusted(basisTable({ donor: true, years: false }).name);
  const byYears = trusted(basisTable({ donor: false, years: true }).name);
  return {
    donors: sql`SELECT DISTINCT donor_id FROM ${byDonor}`,
    years: sql`SELECT first_year AS y FROM ${byYears} WHERE years_given
               UNION ALL SELECT period_end FROM ${byYears} WHERE years_given`
  };
}

/** Donors with at least one contribution, for the filter. */
export function donorOptions(db: Db): Promise<DonorOption[]> {
  return db.query<DonorOption>(
    sql`SELECT d.donor_id AS "donorId", e.name FROM (${contributionKeys(db).donors}) d
        JOIN entities e ON e.entity_id = d.donor_id ORDER BY e.name`
  );
}

/** The first and last year of contributions (spread to their last year; years given) and needs, for the filter. */
export async function fundingYearRange(db: Db): Promise<{ first: number; last: number }> {
  const [row] = await db.query<{ first: number; last: number }>(
    sql`SELECT CAST(min(y) AS INTEGER) AS first, CAST(max(y) AS INTEGER) AS last FROM (
       ${contributionKeys(db).years}
       UNION ALL SELECT year FROM needs)`
  );
  return row ?? { first: 2002, last: 2002 };
}
