/** The funding view's filters, and how a year range reads in SQL: shared by its money and its needs. */
import type { PriorityArea } from '../contract';
import { sql, trusted, type Sql } from '../db';

export interface FundingFilters {
  /** A donor's entity id, or null for all. */
  donor: string | null;
  area: PriorityArea | null;
  /** First and last year (of attribution, for money; of request, for needs); null for no bound. */
  yearFrom: number | null;
  yearTo: number | null;
}

/** A year bound is set. */
export const hasYearRange = (f: FundingFilters) => f.yearFrom !== null || f.yearTo !== null;

/** The year filter, on a year column of the query it is spliced into. */
export function inYears(column: Sql, f: FundingFilters): Sql {
  return sql`${column} BETWEEN COALESCE(${f.yearFrom}::INTEGER, 0) AND COALESCE(${f.yearTo}::INTEGER, 9999)`;
}

/** No year bound is set: amounts whose years the sources do not give are in view only then. */
export function noYearRange(f: FundingFilters): Sql {
  return sql`${!hasYearRange(f)}`;
}

/**
 * A contribution `c` whose years its source gives (`year_basis` stated, or not recorded, which reads so): the one
 * spelling the queries and the basis share.
 */
export const YEARS_GIVEN_TEXT = `COALESCE(c.year_basis, 'stated') = 'stated'`;
export const YEARS_GIVEN = trusted(YEARS_GIVEN_TEXT);
