/**
 * The partner comparison (`/partners/compare?ids=CAN,FRA`): two to five participants side by side, each with its
 * membership, its GPWG attendance in its membership years and its money by priority area under the counting rules
 * (in the URL, with the funding view's words).
 */
import { DEFAULT_RULES, type CountingRules } from '$lib/data/counting-rules';
import type { Db } from '$lib/data/db';
import { contributionsByArea, type AreaMoneyRow } from '$lib/data/queries/funding';
import { buildFundingBasis } from '$lib/data/queries/funding-basis-state';
import {
  meetingPresence,
  memberships,
  participant,
  participantOptions,
  type MeetingPresenceRow,
  type MembershipRow,
  type ParticipantRow
} from '$lib/data/queries/participant';
import { parseRules, serializeRules } from './funding';
import { ENTITY_ID, type Parsed } from './url';
import { defineView } from './view';

export const MAX_COMPARED = 5;

export interface ComparisonView {
  ids: readonly string[];
  rules: CountingRules;
}

export const DEFAULT_COMPARISON: ComparisonView = { ids: [], rules: DEFAULT_RULES };

export function parseComparison(params: URLSearchParams): Parsed<ComparisonView> {
  const notices: string[] = [];
  const asked = (params.get('ids') ?? '').split(',').filter(Boolean);
  const bad = asked.filter((id) => !ENTITY_ID.test(id));
  if (bad.length) notices.push(`Not a participant's code, left out: ${bad.join(', ')}.`);
  let ids = [...new Set(asked.filter((id) => ENTITY_ID.test(id)))];
  if (ids.length > MAX_COMPARED) {
    notices.push(`At most ${MAX_COMPARED} participants side by side: the first ${MAX_COMPARED} are shown.`);
    ids = ids.slice(0, MAX_COMPARED);
  }
  return { value: { ids, rules: parseRules(params, notices) }, notices };
}

export function serializeComparison({ ids, rules }: ComparisonView): URLSearchParams {
  const params = new URLSearchParams();
  if (ids.length) params.set('ids', ids.join(','));
  serializeRules(rules, params);
  return params;
}

/** One participant's column. */
export interface Compared {
  who: ParticipantRow | null;
  id: string;
  memberships: MembershipRow[];
  meetings: MeetingPresenceRow[];
  money: AreaMoneyRow[];
}

/** Each participant in turn (one engine answers one query at a time). */
async function compared(db: Db, s: ComparisonView): Promise<Compared[]> {
  const out: Compared[] = [];
  for (const id of s.ids)
    out.push({
      id,
      who: await participant(db, id),
      memberships: await memberships(db, id),
      meetings: await meetingPresence(db, id),
      money: await contributionsByArea(db, s.rules, { donor: id, area: null, yearFrom: null, yearTo: null })
    });
  return out;
}

export const comparisonView = defineView<ComparisonView>({
  defaults: DEFAULT_COMPARISON,
  fromUrl: parseComparison,
  toUrl: serializeComparison,
  prepare: (db) => buildFundingBasis(db)
})({
  compared: { reads: ['ids', 'rules'], run: (db, s) => compared(db, s) },
  options: { reads: [], run: (db) => participantOptions(db) }
});

/** "2 of 3 meetings with a list" (those of its membership years whose participant list is known). */
export function attendanceWords(meetings: readonly MeetingPresenceRow[]): string {
  const listed = meetings.filter((m) => m.presence !== 'not_recorded');
  const came = meetings.filter((m) => m.presence === 'attended').length;
  return `${came} of ${listed.length} ${listed.length === 1 ? 'meeting' : 'meetings'} with a participant list`;
}
