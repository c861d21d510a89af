/**
 * What match-making reads of the money: counted contributions per partner, recipient and priority area, at the
 * rules' stage, within the years. Two ways to the same figures, as for the funding charts: from the funding basis
 * (its tables keep the recipient) once it is ready, or by scanning every contribution, which the basis must equal.
 *
 * The relation's columns: donor_id (unless not asked for), recipient_id (null: no recipient recorded),
 * priority_area, amount DOUBLE (USD), illustrative DOUBLE (the part of it on illustrative sources), rows INTEGER
 * (the contributions with money in the years).
 */
import { rulesKeep, type CountingRules } from '../counting-rules';
import { sql, trusted, type Db, type Sql } from '../db';
import { CODES, basisTable } from './funding-basis';
import { basisSettled, basisTableReady } from './funding-basis-state';
import { hasYearRange, type FundingFilters } from './funding-filters';
import { countedSql, shareInYears } from './funding-marks';

/** Only the years of the filters count here: match-making pairs money with requests in every area, from everyone. */
export type Years = Pick<FundingFilters, 'yearFrom' | 'yearTo'>;
const asFilters = (y: Years): FundingFilters => ({
  donor: null,
  area: null,
  yearFrom: y.yearFrom,
  yearTo: y.yearTo
});

/** Per partner too (the candidates), or not (the money per region: a table a tenth the size answers it). */
export interface Per {
  donor: boolean;
}
const keys = (per: Per) =>
  trusted(per.donor ? 'donor_id, recipient_id, priority_area' : 'recipient_id, priority_area');

/** By scanning: each contribution's money in the years (a spread amount's years inside them), summed per place. */
export function scannedPlacedMoney(rules: CountingRules, years: Years, per: Per = { donor: true }): Sql {
  return sql`
    SELECT ${keys(per)}, CAST(sum(amount) AS DOUBLE) AS amount,
           CAST(COALESCE(sum(amount) FILTER (WHERE source_kind = 'illustrative'), 0) AS DOUBLE) AS illustrative,
           CAST(count(DISTINCT contribution_id) AS INTEGER) AS rows
    FROM (${countedSql(rules, asFilters(years))}) WHERE stage = ${rules.stage}
    GROUP BY ALL`;
}

/** The basis table placed money reads: with the recipient, and the partner and years when asked. */
const placedTable = (years: Years, per: Per) =>
  basisTable({ donor: per.donor, recipient: true, years: hasYearRange(asFilters(years)) });

/**
 * From the basis: each group's share of the years, its rows wherever any of its money is. The tables without years
 * keep partner and recipient as integer codes (funding-basis.ts): grouped on those, then named again.
 */
export function basisPlacedMoney(rules: CountingRules, years: Years, per: Per = { donor: true }): Sql {
  const f = asFilters(years);
  const table = placedTable(years, per);
  const ids = table.coded ? (per.donor ? 'donor_code, recipient_code' : 'recipient_code') : keys(per).text;
  const grouped = sql`
    SELECT ${trusted(ids)}, CAST(priority_area AS VARCHAR) AS priority_area,
           CAST(sum(amount * share) AS DOUBLE) AS amount,
           CAST(COALESCE(sum(amount * share) FILTER (WHERE made_up), 0) AS DOUBLE) AS illustrative,
           CAST(sum(rows) AS INTEGER) AS rows
    FROM (SELECT ${trusted(ids)}, priority_area, amount, rows, s.kind = 'illustrative' AS made_up,
                 ${shareInYears(rules, f, table)} AS share
          FROM ${trusted(table.name)} c WHERE stage = ${rules.stage} AND ${rulesKeep(rules)})
    WHERE share > 0
    GROUP BY ${trusted(ids)}, priority_area`;
  if (!table.coded) return grouped;
  return sql`
    SELECT ${trusted(per.donor ? 'd.id AS donor_id, ' : '')}r.id AS recipient_id, g.priority_area, g.amount,
           g.illustrative, g.rows
    FROM (${grouped}) g
    ${trusted(per.donor ? `JOIN ${CODES} d ON d.code = g.donor_code` : '')}
    LEFT JOIN ${trusted(CODES)} r ON r.code = g.recipient_code`;
}

/** The relation, from the basis once it is ready (a build under way is waited for), else by scanning. */
export async function placedMoney(db: Db, rules: CountingRules, years: Years, per: Per = { donor: true }) {
  if (!(await basisSettled(db))) return scannedPlacedMoney(rules, years, per);
  await basisTableReady(db, placedTable(years, per).name);
  return basisPlacedMoney(rules, years, per);
}
