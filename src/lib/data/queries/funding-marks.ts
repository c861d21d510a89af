/**
 * The money behind each mark of a funding chart (a priority area, a partner, a year, or the one headline), at
 * every stage, under the counting rules and filters: its amount, its contribution rows, its illustrative part,
 * its largest contribution and its sources' titles. Two ways to the same figures: from the funding basis
 * (funding-basis.ts) once it is ready, or by scanning every contribution, which is what the basis must equal.
 *
 * Every mark is a relation with the columns
 *   key, stage, amount DOUBLE, rows INTEGER, illustrative DOUBLE,
 *   top STRUCT(a DOUBLE, l VARCHAR, label VARCHAR), titles VARCHAR[]
 * where `top` is the largest contribution in the mark (`a`: its money in the mark, `l`: its project, `label`:
 * the project with its spread in words) and compares by amount, then project, the same way on both paths.
 */
import { rulesKeep, type CountingRules, type Stage } from '../counting-rules';
import { sql, trusted, type Sql } from '../db';
import { PER_YEAR, basisTable, type BasisTable } from './funding-basis';
import { YEARS_GIVEN, hasYearRange, inYears, noYearRange, type FundingFilters } from './funding-filters';

export type MarkBy = 'area' | 'donor' | 'year' | 'none';

export interface MarkOptions {
  /** Only this stage (the headline); all three otherwise (the charts). */
  stage?: Stage;
  /** Only the money whose years the sources do not give (what a year range leaves out). */
  yearsNotGiven?: boolean;
}

/** The filters a user sets: spliced only when set, so a table without the donor can answer when none is. */
function filtered(f: FundingFilters): Sql {
  const donor = f.donor !== null ? sql` AND c.donor_id = ${f.donor}` : sql``;
  const area = f.area !== null ? sql` AND c.priority_area = ${f.area}` : sql``;
  return sql`${donor}${area}`;
}

function only(o: MarkOptions, yearIsNull: Sql): Sql {
  const stage = o.stage ? sql` AND stage = ${o.stage}` : sql``;
  const undated = o.yearsNotGiven ? sql` AND ${yearIsNull}` : sql``;
  return sql`${stage}${undated}`;
}

/**
 * Contribution rows counted under the rules, one row per attributed year: a multi-year amount is spread evenly
 * over its years (`period_end_year` inclusive) under `spread`, and sits whole in its first year under
 * `first_year`. A row whose years its source does not give (`year_basis = 'by'`) has no year here (null): it
 * counts when no year bound is set, and falls outside any year range. All stages are kept.
 */
export function countedSql(rules: CountingRules, f: FundingFilters): Sql {
  const spread = sql`(${rules.multiYear === 'spread'} AND c.period_end_year IS NOT NULL AND ${YEARS_GIVEN})`;
  return sql`
    SELECT c.contribution_id, c.donor_id, c.recipient_id, c.priority_area, c.stage,
           COALESCE(c.project, c.contribution_id) AS project,
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
    WHERE ${rulesKeep(rules)}${filtered(f)}
      AND CASE WHEN ${YEARS_GIVEN} THEN ${inYears(sql`y.year`, f)} ELSE ${noYearRange(f)} END`;
}

const SCANNED_KEY: Record<MarkBy, string> = {
  area: 'priority_area',
  donor: 'donor_id',
  year: 'year',
  none: 'NULL'
};

/** The marks by scanning every contribution: each contribution's money in the mark summed first, then the marks. */
export function scannedMarks(rules: CountingRules, f: FundingFilters, by: MarkBy, o: MarkOptions = {}): Sql {
  return sql`
    SELECT key, stage, CAST(sum(amount) AS DOUBLE) AS amount, CAST(count(*) AS INTEGER) AS rows,
           CAST(COALESCE(sum(amount) FILTER (WHERE kind = 'illustrative'), 0) AS DOUBLE) AS illustrative,
           max(struct_pack(a := amount, l := project, label := label)) AS top,
           list(DISTINCT title) AS titles
    FROM (SELECT ${trusted(SCANNED_KEY[by])} AS key, stage, contribution_id, any_value(project) AS project,
                 any_value(label) AS label, any_value(source_kind) AS kind, any_value(source_title) AS title,
                 sum(amount) AS amount
          FROM (${countedSql(rules, f)}) WHERE TRUE${only(o, sql`year IS NULL`)}
          GROUP BY ALL)
    GROUP BY key, stage`;
}

/** A basis group's last year under the rules: the end of its period when spread, else its first year. */
const lastYear = (rules: CountingRules) =>
  trusted(rules.multiYear === 'spread' ? 'COALESCE(period_end, first_year)' : 'first_year');

/**
 * The share of a basis group's money inside the filters' year range (0: none of it): the share of its years
 * inside it. A table without years answers only when no year range is set: then all of a group is in view.
 */
export function shareInYears(rules: CountingRules, f: FundingFilters, table: BasisTable): Sql {
  if (!table.years) return sql`1.0`;
  const last = lastYear(rules);
  return sql`CASE WHEN NOT years_given THEN CASE WHEN ${noYearRange(f)} THEN 1.0 ELSE 0.0 END
                  ELSE greatest(0, least(${last}, COALESCE(${f.yearTo}::INTEGER, 9999))
                                   - greatest(first_year, COALESCE(${f.yearFrom}::INTEGER, 0)) + 1)
                       / (${last} - first_year + 1) END`;
}

/** The basis table a mark reads: the coarsest with the partner and the years when the marks need them. */
export function marksTable(f: FundingFilters, by: MarkBy): BasisTable {
  return basisTable({ donor: by === 'donor' || f.donor !== null, years: by === 'year' || hasYearRange(f) });
}

/**
 * The marks from the basis. A group's share of a year range is the share of its years inside it (all or none in
 * its first year under `first_year`); a per-year chart spreads a group over its years. The group's rows count
 * wherever any of its money is: exactly the contributions a scan finds there.
 */
export function basisMarks(rules: CountingRules, f: FundingFilters, by: MarkBy, o: MarkOptions = {}): Sql {
  const table = marksTable(f, by);
  const spread = rules.multiYear === 'spread';
  const last = lastYear(rules);
  const years = sql`(${last} - first_year + 1)`;
  // The share of a group's money a mark holds (0: none of it in view), and the mark it belongs to.
  let from: Sql, share: Sql, key: Sql;
  if (by === 'year' && f.donor === null) {
    // Already per year, under the rules' own mode.
    from = trusted(`${PER_YEAR[rules.multiYear]} c`);
    key = trusted('year');
    share = sql`CASE WHEN CASE WHEN years_given THEN ${inYears(sql`year`, f)} ELSE ${noYearRange(f)} END
                     THEN 1.0 ELSE 0.0 END`;
  } else if (by === 'year') {
    from = sql`${trusted(table.name)} c,
      unnest(CASE WHEN years_given THEN CAST(range(first_year, ${last} + 1) AS INTEGER[]) ELSE [first_year] END) AS y(year)`;
    key = sql`CASE WHEN years_given THEN y.year END`;
    share = sql`CASE WHEN years_given THEN CASE WHEN ${inYears(sql`y.year`, f)} THEN 1.0 / ${years} ELSE 0.0 END
                     ELSE CASE WHEN ${noYearRange(f)} THEN 1.0 ELSE 0.0 END END`;
  } else {
    from = trusted(`${table.name} c`);
    key = trusted(by === 'none' ? 'NULL' : by === 'area' ? 'priority_area' : 'donor_id');
    share = shareInYears(rules, f, table);
  }
  const spreadWords = spread
    ? sql`CASE WHEN largest.period_end IS NOT NULL THEN ' (spread evenly over ' || largest.first_year || '–'
            || largest.period_end || ', ' || (largest.period_end - largest.first_year + 1) || ' years)' ELSE '' END`
    : sql`''`;
  return sql`
    SELECT key, stage, CAST(sum(amount * share) AS DOUBLE) AS amount, CAST(sum(rows) AS INTEGER) AS rows,
           CAST(COALESCE(sum(amount * share) FILTER (WHERE s.kind = 'illustrative'), 0) AS DOUBLE) AS illustrative,
           max(struct_pack(a := largest.amount * share, l := largest.label, label := largest.label || ${spreadWords}))
             AS top,
           list(DISTINCT s.title) AS titles
    FROM (SELECT ${key} AS key, stage, rows, amount, largest, s, years_given, ${share} AS share FROM ${from}
          WHERE ${rulesKeep(rules)}${filtered(f)}${only(o, sql`NOT years_given`)})
    WHERE share > 0
    GROUP BY key, stage`;
}
