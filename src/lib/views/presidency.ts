/**
 * A presidency's year on one page (`/presidency/<year>`): who held the presidency, its GPWG meetings and who came,
 * who joined or is on the way, the money attributed to the year under the counting rules (in the URL, with the
 * funding view's words) against the requests filed that year. One module per year: its queries read the year.
 */
import { PARTICIPANT_GROUPS } from '$lib/data/domain';
import { attendanceCounts, attendanceMatrix, meetingsInView } from '$lib/data/queries/attendance';
import { joinsByYear, partnersByRegion, publishedCounts } from '$lib/data/queries/expansion';
import { onTheWay } from '$lib/data/queries/expansion-states';
import { countedTotal, type FundingFilters } from '$lib/data/queries/funding';
import { needsByYear } from '$lib/data/queries/needs';
import { newStandings, presidenciesIn, presidencyYears, stayedAway } from '$lib/data/queries/presidency';
import { citedSources } from '$lib/data/queries/home';
import { defineRulesView } from './funding';

/** A year in a page's address: four digits, or nothing. */
export const parseYearParam = (raw: string): number | null => (/^\d{4}$/.test(raw) ? Number(raw) : null);

export function presidencyView(year: number) {
  // The year's meetings, with every kind of participant; the year's expansion, the EU counted as the sources do.
  const meetings = { presidency: null, yearFrom: year, yearTo: year, groups: PARTICIPANT_GROUPS };
  const expansion = { countEu: true, region: null, yearFrom: year, yearTo: year };
  const money: FundingFilters = { donor: null, area: null, yearFrom: year, yearTo: year };
  return defineRulesView({
    presidencies: { reads: [], run: (db) => presidenciesIn(db, year) },
    meetings: { reads: [], run: (db) => meetingsInView(db, meetings) },
    counts: { reads: [], run: (db) => attendanceCounts(db, meetings) },
    matrix: { reads: [], run: (db) => attendanceMatrix(db, meetings) },
    away: { reads: [], run: (db) => stayedAway(db, year) },
    joins: { reads: [], run: (db) => joinsByYear(db, expansion) },
    standings: { reads: [], run: (db) => newStandings(db, year) },
    approaching: { reads: [], run: (db) => onTheWay(db, expansion) },
    partners: { reads: [], run: (db) => partnersByRegion(db, expansion) },
    published: { reads: [], run: (db) => publishedCounts(db, expansion) },
    funding: { reads: ['rules'], run: (db, s) => countedTotal(db, s.rules, money) },
    needs: { reads: (s) => s.rules.illustrative, run: (db, s) => needsByYear(db, s.rules, money) },
    presidencySources: { reads: [], run: (db) => citedSources(db, 'presidencies') },
    years: { reads: [], run: (db) => presidencyYears(db) }
  });
}
