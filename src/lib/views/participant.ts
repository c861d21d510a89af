/**
 * A participant's page (`/partners/<entity_id>`): who it is, its membership, the GPWG meetings of its membership
 * years, its money under the counting rules (in the URL with the funding view's words), the requests it made,
 * and the sources. One module per participant: its queries read the participant's id.
 */
import { contributionsByArea, contributionsByYear, type FundingFilters } from '$lib/data/queries/funding';
import {
  meetingPresence,
  memberships,
  ownRequests,
  participant,
  participantSources,
  type MembershipRow,
  type Presence
} from '$lib/data/queries/participant';
import { defineRulesView } from './funding';

/** Its money: every contribution it gave, in every area and year. */
const given = (id: string): FundingFilters => ({ donor: id, area: null, yearFrom: null, yearTo: null });

export function participantView(id: string) {
  return defineRulesView({
    who: { reads: [], run: (db) => participant(db, id) },
    memberships: { reads: [], run: (db) => memberships(db, id) },
    meetings: { reads: [], run: (db) => meetingPresence(db, id) },
    byArea: { reads: ['rules'], run: (db, s) => contributionsByArea(db, s.rules, given(id)) },
    byYear: { reads: ['rules'], run: (db, s) => contributionsByYear(db, s.rules, given(id)) },
    requests: { reads: [], run: (db) => ownRequests(db, id) },
    sources: { reads: [], run: (db) => participantSources(db, id) }
  });
}

export const PRESENCE_WORDS: Record<Presence, string> = {
  attended: 'attended',
  not_listed: 'not listed (a participant list is recorded; it is not on it)',
  not_recorded: 'not recorded (no participant list is known)'
};

/** A membership period in words: "partner from 2002", "partner; the year it joined is not recorded (…by 2020)". */
export function membershipWords(m: MembershipRow): string {
  const start =
    m.fromYear !== null
      ? `from ${m.fromYear}`
      : `the year it began is not recorded${m.confirmedYear !== null ? `; a source confirms it by ${m.confirmedYear}` : ''}`;
  const end =
    m.toYear !== null
      ? ` to ${m.toYear}`
      : m.endedByYear !== null
        ? `; no longer listed by ${m.endedByYear}, the year it ended is not recorded`
        : '';
  return `${m.status} ${start}${end}`;
}
