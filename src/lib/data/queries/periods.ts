/**
 * Membership periods as every query counts them. A period starts in its `from_year` or, when the join year is not
 * recorded, in the year a source confirms it (`confirmed_year`): never a guessed year. It ends in its `to_year`
 * or, when a source only shows it over by some year (`ended_by_year`), the year before that; else it is open.
 */
import { trusted } from '../db';

export const PERIODS = trusted(`
  SELECT m.*,
         COALESCE(m.from_year, m.confirmed_year) AS start_year,
         COALESCE(m.to_year, m.ended_by_year - 1) AS end_year,
         m.from_year IS NOT NULL AS year_known,
         m.to_year IS NULL AND m.ended_by_year IS NOT NULL AS end_unknown,
         -- The last year the period tells about: its start, its end, or the year a source shows it over.
         greatest(COALESCE(m.from_year, m.confirmed_year), COALESCE(m.to_year, 0), COALESCE(m.ended_by_year, 0))
           AS last_event_year
  FROM memberships m`);

/**
 * The years partner periods tell about: from the first start to the last year a period or a published count
 * speaks of (open periods are counted until then).
 */
export const PARTNER_SPAN = trusted(`
  SELECT min(start_year) AS first,
         greatest(max(last_event_year), (SELECT max(year) FROM published_counts)) AS last
  FROM (${PERIODS.text}) WHERE status = 'partner'`);
