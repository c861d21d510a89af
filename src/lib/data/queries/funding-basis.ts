/**
 * The funding headline from a pre-aggregated basis rather than from every contribution. At a million rows the
 * headline, the rule effects (the headline again per changed rule) and what a year range leaves out each scanned,
 * spread and de-duplicated every contribution; the basis answers them from a few thousand rows.
 *
 * The basis groups contributions by what the headline can be asked about: donor, area and stage (the filters and
 * the counted stage), every column a counting rule reads (each RULES entry names its own), and the contribution's
 * years: its first year, and the last year it is spread to when spread applies. Each group keeps its rows and its
 * amount. A year range then takes from a group the share of its years inside the range (all of it in the first
 * year under `first_year`), and counts its rows when that share is not zero: rows stay exact, never double-counted
 * across years. It is built on first use and dropped whenever contributions or sources are replaced.
 */
import { RULES, rulesKeep, type CountingRules, type RuleSpec } from '../counting-rules';
import { sql, trusted, type Db } from '../db';
import type { CountedTotal, FundingFilters } from './funding';

export const FUNDING_BASIS = 'funding_basis';

/** The columns the rules read, in `c.` (contribution) and `s.` (source) form, once each. */
const RULE_COLUMNS = [...new Set((RULES as readonly RuleSpec[]).flatMap((r) => r.reads ?? []))];
const ruleColumns = (table: 'c' | 's') =>
  RULE_COLUMNS.filter((c) => c.startsWith(`${table}.`)).map((c) => c.slice(2));

/**
 * The basis keeps the contribution's rule columns under their own names and the source's in a struct named `s`,
 * so each rule's own predicate (`c.channel = 'domestic'`, `s.kind = 'illustrative'`) reads the basis as it reads
 * the contributions.
 */
function buildSql(): string {
  const own = ['donor_id', 'priority_area', 'stage', ...ruleColumns('c')];
  const contribution = [...new Set(own)].map((c) => `c.${c}`);
  const source = ruleColumns('s').map((c) => `${c} := s.${c}`);
  return `CREATE TABLE IF NOT EXISTS ${FUNDING_BASIS} AS
    SELECT ${contribution.join(', ')}, struct_pack(${source.join(', ')}) AS s,
           COALESCE(c.year_basis, 'stated') = 'stated' AS years_given,
           c.year AS first_year,
           CASE WHEN c.period_end_year IS NOT NULL AND COALESCE(c.year_basis, 'stated') = 'stated'
                THEN c.period_end_year ELSE c.year END AS spread_to,
           CAST(count(*) AS INTEGER) AS rows,
           sum(c.amount_usd) AS amount
    FROM contributions c JOIN sources s ON s.source_id = c.source_id
    GROUP BY ALL`;
}

/** Databases whose basis is built and current: asking again costs no round trip to the engine. */
const built = new WeakSet<Db>();

/** Builds the basis if it is not there (the first funding query after a load pays for it, once). */
export async function ensureFundingBasis(db: Db): Promise<void> {
  if (built.has(db)) return;
  await db.exec(buildSql());
  built.add(db);
}

/** The statement that drops it: run with any load that replaces contributions or sources. */
export const DROP_FUNDING_BASIS = `DROP TABLE IF EXISTS ${FUNDING_BASIS};`;

/** After DROP_FUNDING_BASIS has run on `db`: the next funding query builds the basis again. */
export function fundingBasisDropped(db: Db): void {
  built.delete(db);
}

/**
 * The headline counted under the rules and filters, from the basis: USD at the rules' stage, the contribution
 * rows behind it, and its illustrative part. With `yearsNotGiven`, only the amounts whose years the sources do not
 * give (what a year range leaves out).
 */
export async function basisTotal(
  db: Db,
  rules: CountingRules,
  f: FundingFilters,
  { yearsNotGiven = false } = {}
): Promise<CountedTotal> {
  await ensureFundingBasis(db);
  const from = sql`COALESCE(${f.yearFrom}::INTEGER, 0)`;
  const to = sql`COALESCE(${f.yearTo}::INTEGER, 9999)`;
  const noRange = sql`(${f.yearFrom}::INTEGER IS NULL AND ${f.yearTo}::INTEGER IS NULL)`;
  const last = sql`CASE WHEN ${rules.multiYear === 'spread'} THEN spread_to ELSE first_year END`;
  // The share of a group's amount inside the year range: its years in range over all its years.
  const share = sql`CASE
      WHEN NOT years_given THEN CASE WHEN ${noRange} THEN 1.0 ELSE 0.0 END
      ELSE greatest(0, least(${last}, ${to}) - greatest(first_year, ${from}) + 1) / (${last} - first_year + 1)
    END`;
  const [row] = await db.query<CountedTotal>(sql`
    SELECT CAST(COALESCE(sum(amount * share), 0) AS DOUBLE) AS amount,
           CAST(COALESCE(sum(rows) FILTER (WHERE share > 0), 0) AS INTEGER) AS rows,
           CAST(COALESCE(sum(amount * share) FILTER (WHERE s.kind = 'illustrative'), 0) AS DOUBLE) AS illustrative
    FROM (SELECT *, ${share} AS share FROM ${trusted(FUNDING_BASIS)} c
          WHERE ${rulesKeep(rules)} AND stage = ${rules.stage}
            AND (${f.donor}::VARCHAR IS NULL OR donor_id = ${f.donor})
            AND (${f.area}::VARCHAR IS NULL OR priority_area = ${f.area})
            AND (${yearsNotGiven} = FALSE OR NOT years_given))`);
  return row!;
}
