/**
 * The match-making view's answers put together, once per change: each request with who could answer it (from the
 * candidates, so the tiers are computed once), and the gaps by region (the requests' side beside the money's).
 * Pure, so tests pin them.
 */
import type { PriorityArea } from '$lib/data/contract';
import type { RegionFundingRow } from '$lib/data/queries/request-gaps';
import { TIERS, type CandidateRow, type RequestRecord, type Tier } from '$lib/data/queries/requests';

export interface RequestRow extends RequestRecord {
  /** Partners with counted money that could answer it, in any tier; 0: no partner active here. */
  partners: number;
  /** Its nearest tier with a partner, or null. */
  nearestTier: Tier | null;
  /** Contributions the data links to this request (`contributions.need_id`). */
  linked: number;
}

/** An open request that no partner could answer: what the planners look for first. */
export const lonely = (r: RequestRow) => r.status === 'open' && r.partners === 0;

/** Each request with its partners' count, nearest tier and links; the lonely open ones first, in the given order. */
export function withPartners(
  records: readonly RequestRecord[],
  candidates: readonly CandidateRow[]
): RequestRow[] {
  const of = new Map<string, CandidateRow[]>();
  for (const c of candidates) of.set(c.needId, [...(of.get(c.needId) ?? []), c]);
  const rows = records.map((r): RequestRow => {
    const own = of.get(r.needId) ?? [];
    const tiers = own.flatMap((c) => (c.tier ? [TIERS.indexOf(c.tier)] : []));
    return {
      ...r,
      partners: tiers.length,
      nearestTier: tiers.length ? TIERS[Math.min(...tiers)]! : null,
      linked: own.reduce((n, c) => n + c.linked, 0)
    };
  });
  return [...rows.filter(lonely), ...rows.filter((r) => !lonely(r))];
}

export interface GapRow {
  /** Null: the requester's region is not recorded. */
  region: string | null;
  /** Null: the request's area is not recorded. */
  area: PriorityArea | null;
  requests: number;
  open: number;
  /** Open requests with no partner active in their area and region. */
  openWithoutPartner: number;
  /** USD of the priced requests, summed; the unpriced ones are counted apart, never summed as zero. */
  priced: number;
  pricedCount: number;
  unpriced: number;
  /** USD counted to recipients in the region, in the area, under the rules and years. */
  funding: number;
}

/**
 * Per region and area with requests or money to recipients there: the open requests no partner answers first,
 * then by region and area (not recorded last).
 */
export function gapsOf(requests: readonly RequestRow[], funding: readonly RegionFundingRow[]): GapRow[] {
  const gaps = new Map<string, GapRow>();
  const at = (region: string | null, area: PriorityArea | null) => {
    const key = JSON.stringify([region, area]);
    let g = gaps.get(key);
    if (!g) {
      g = {
        region,
        area,
        requests: 0,
        open: 0,
        openWithoutPartner: 0,
        priced: 0,
        pricedCount: 0,
        unpriced: 0,
        funding: 0
      };
      gaps.set(key, g);
    }
    return g;
  };
  for (const r of requests) {
    const g = at(r.region, r.area);
    g.requests += 1;
    if (r.status === 'open') g.open += 1;
    if (lonely(r)) g.openWithoutPartner += 1;
    if (r.estimatedUsd === null) g.unpriced += 1;
    else {
      g.priced += r.estimatedUsd;
      g.pricedCount += 1;
    }
  }
  for (const f of funding) if (f.attributed) at(f.region, f.area).funding += f.funding;
  return [...gaps.values()].sort(
    (a, b) =>
      b.openWithoutPartner - a.openWithoutPartner ||
      nullsLast(a.region, b.region) ||
      nullsLast(a.area, b.area)
  );
}

/** Names in order, what is not recorded last. */
const nullsLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** The counted money no recipient is recorded for. */
export const unattributed = (funding: readonly RegionFundingRow[]) =>
  funding.filter((f) => !f.attributed).reduce((sum, f) => sum + f.funding, 0);

/** What the match-making view's three answers say together: requests with partners, candidates, gaps, money apart. */
export function matchMaking(a: {
  requests: readonly RequestRecord[];
  candidates: readonly CandidateRow[];
  funding: readonly RegionFundingRow[];
}) {
  const requests = withPartners(a.requests, a.candidates);
  return {
    requests,
    candidates: a.candidates,
    gaps: gapsOf(requests, a.funding),
    unattributed: unattributed(a.funding)
  };
}
