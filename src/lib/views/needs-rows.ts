/**
 * The match-making view's rows reshaped for its cards, and its words: the requests sorted, a request's candidates
 * by tier, the gaps for export, the filters in words. Pure, so tests pin them.
 */
import type { RequesterStanding } from '$lib/charts/requesters-map';
import { AREA_LABELS } from '$lib/charts/theme';
import type { RequesterOption } from '$lib/data/queries/request-options';
import { NOT_RECORDED, type RequestFilters, type Tier } from '$lib/data/queries/requests';
import { tableFromRows, type ExportTable } from '$lib/export/table';
import { formatCount, formatMoneyFull, formatMoneyShort } from '$lib/format';
import { yearsWords } from '$lib/words';
import type { CandidateRow, GapRow, RequestRow } from './needs-match';

export const TIER_WORDS: Record<Tier, string> = {
  requester: 'to the requester itself',
  subregion: 'elsewhere in its sub-region',
  region: 'elsewhere in its region'
};

/** Where a candidate's money goes, or that only the data's link puts it here. */
export const tierWords = (tier: Tier | null) =>
  tier ? TIER_WORDS[tier] : 'linked in the data; nothing counted here under these rules';

/** A candidate's counted money, its illustrative part said: "$6,000,000 (all illustrative)". */
export function countedWords(c: CandidateRow): string {
  const amount = formatMoneyFull(c.amount);
  if (c.illustrative <= 0) return amount;
  return c.illustrative >= c.amount
    ? `${amount} (all illustrative)`
    : `${amount} (${formatMoneyFull(c.illustrative)} illustrative)`;
}

/** A candidate's explicit links: "2 contributions", or a dash for none. */
export const linkWords = (linked: number) =>
  linked === 0 ? '–' : `${formatCount(linked)} ${linked === 1 ? 'contribution' : 'contributions'}`;

/** A value the sources do not give, said so. */
export const orNotRecorded = (value: string | null | undefined) => value ?? 'not recorded';

export const areaWords = (area: string | null) => (area ? (AREA_LABELS[area] ?? area) : 'area not recorded');

/** Who could answer a request, in a few words: "3 partners, nearest: to the requester itself". */
export function partnersWords(r: RequestRow): string {
  if (r.partners === 0) return r.status === 'open' ? 'no partner active here' : 'no partner active';
  return `${formatCount(r.partners)} ${r.partners === 1 ? 'partner' : 'partners'}, nearest ${TIER_WORDS[r.nearestTier!]}`;
}

export type RequestSort = 'partners' | 'requester' | 'region' | 'area' | 'year' | 'cost' | 'status';

/** Sorts requests by a column: what is not recorded always last, ties by id. */
export function sortRequests(rows: readonly RequestRow[], by: RequestSort, ascending = true): RequestRow[] {
  const key = (r: RequestRow): string | number | null => {
    switch (by) {
      case 'partners':
        return r.partners;
      case 'requester':
        return r.requester;
      case 'region':
        return r.region;
      case 'area':
        return r.area;
      case 'year':
        return r.year;
      case 'cost':
        return r.estimatedUsd;
      case 'status':
        return r.status;
    }
  };
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === null || y === null) return x === y ? a.needId.localeCompare(b.needId) : x === null ? 1 : -1;
    const order = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y));
    return (ascending ? order : -order) || a.needId.localeCompare(b.needId);
  });
}

/** One request's candidates, nearest tier first, each tier by amount (the query's order). */
export function candidatesOf(rows: readonly CandidateRow[], needId: string | null): CandidateRow[] {
  return needId === null ? [] : rows.filter((c) => c.needId === needId);
}

/** The open requests the data links money to: a notice, since a request answered is not open. */
export function openButLinked(rows: readonly RequestRow[]): RequestRow[] {
  return rows.filter((r) => r.status === 'open' && r.linked > 0);
}

/** The region and sub-region choices, "not recorded" last. */
export function regionChoices(options: readonly RequesterOption[]) {
  const unique = (values: (string | null)[]) => [...new Set(values)];
  const label = (v: string | null) => (v === null ? 'not recorded' : v);
  const choice = (v: string | null) => ({ value: v ?? NOT_RECORDED, label: label(v) });
  return {
    regions: unique(options.map((o) => o.region)).map(choice),
    subregions: unique(options.map((o) => o.subregion)).map(choice)
  };
}

/** The filters in words, for subtitles: "Region: Asia; all areas; open; 2008–2012". */
export function requestScope(f: RequestFilters): string {
  const named = (name: string, v: string | null, all: string) =>
    v === null ? all : `${name}: ${v === NOT_RECORDED ? 'not recorded' : v}`;
  const words = [
    ...(f.requester ? [`Requester: ${f.requester}`] : []),
    named('Region', f.region, 'all regions'),
    ...(f.subregion ? [named('Sub-region', f.subregion, '')] : []),
    f.area ? areaWords(f.area) : 'all priority areas',
    named('Status', f.status, 'every status'),
    yearsWords(f.yearFrom, f.yearTo)
  ].join('; ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The gaps as their export writes them: "not recorded" is an empty cell, never a guessed region or area. */
export function gapsTable(rows: readonly GapRow[]): ExportTable {
  return tableFromRows(rows.map((g) => ({ ...g })));
}

/** The money with no recipient, said apart: "$1.2 bn not attributed to a recipient". */
export function unattributedWords(amount: number): string {
  return amount > 0 ? `${formatMoneyShort(amount)} not attributed to a recipient` : '';
}

/** A data notice for each open request the data links money to: answered, yet still recorded open. */
export function linkNotices(rows: readonly RequestRow[]): string[] {
  return openButLinked(rows).map(
    (r) =>
      `${r.requester}'s request "${orNotRecorded(r.description)}" is recorded open, yet ${formatCount(r.linked)} ${r.linked === 1 ? 'contribution is' : 'contributions are'} linked to it in the data.`
  );
}

/**
 * Each requester's standing for the map: a request recorded open; else every request matched or met; else (some
 * status not recorded) not recorded.
 */
export function requesterStandings(rows: readonly RequestRow[]): RequesterStanding[] {
  const by = new Map<string, RequestRow[]>();
  for (const r of rows) by.set(r.requesterId, [...(by.get(r.requesterId) ?? []), r]);
  return [...by.values()].map((own) => ({
    entityId: own[0]!.requesterId,
    name: own[0]!.requester,
    standing: own.some((r) => r.status === 'open')
      ? 'open'
      : own.every((r) => r.status === 'matched' || r.status === 'met')
        ? 'answered'
        : 'not_recorded',
    requests: own.length,
    illustrative: own.every((r) => r.sourceKind === 'illustrative')
  }));
}
