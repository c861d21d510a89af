/**
 * The match-making view's answers put together, once per change: each request with who could answer it (from the
 * candidates, so the tiers are computed once), and the gaps by region (the requests' side beside the money's).
 * Pure, so tests pin them.
 */
import type { PriorityArea } from '$lib/data/contract';
import type { RegionGap } from '$lib/charts/region-gaps';
import type { RegionFundingRow } from '$lib/data/queries/request-gaps';
import {
  TIERS,
  type Candidate,
  type RequestLink,
  type RequestRecord,
  type Tier
} from '$lib/data/queries/requests';

/** A partner who could answer a request, or whom the data links to it. */
export interface CandidateRow extends Omit<Candidate, 'tier'> {
  /** Null: the data links the partner's contributions to the request, but none is counted in a tier. */
  tier: Tier | null;
  /** The partner's contributions the data links to this request (`contributions.need_id`), whatever the rules. */
  linked: number;
}

/**
 * The candidates with the data's explicit links: each linked partner beside its tier, or after the tiered ones
 * when nothing of it is counted in a tier (a link is shown, never hidden).
 */
export function withLinks(candidates: readonly Candidate[], links: readonly RequestLink[]): CandidateRow[] {
  const key = (c: { needId: string; donorId: string }) => `${c.needId}\u0000${c.donorId}`;
  const linked = new Map(links.map((l) => [key(l), l]));
  const rows: CandidateRow[] = candidates.map((c) => ({ ...c, linked: linked.get(key(c))?.linked ?? 0 }));
  const tiered = new Set(candidates.map(key));
  const onlyLinked = links
    .filter((l) => !tiered.has(key(l)))
    .map((l): CandidateRow => ({ ...l, tier: null, amount: 0, illustrative: 0, contributions: 0 }));
  // Each request's tiered partners, then its link-only ones.
  return [...rows, ...onlyLinked].sort(
    (a, b) => a.needId.localeCompare(b.needId) || (a.tier === null ? 1 : 0) - (b.tier === null ? 1 : 0)
  );
}

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

/** A region and area's requests against the money counted there (the chart sums the areas of each region). */
export interface GapRow extends RegionGap {
  /** Null: the request's area is not recorded. */
  area: PriorityArea | null;
  open: number;
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
        pricedIllustrative: 0,
        funding: 0,
        fundingIllustrative: 0
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
      if (r.sourceKind === 'illustrative') g.pricedIllustrative += r.estimatedUsd;
    }
  }
  for (const f of funding.filter((f) => f.attributed)) {
    const g = at(f.region, f.area);
    g.funding += f.funding;
    g.fundingIllustrative += f.illustrative;
  }
  return [...gaps.values()].sort(
    (a, b) =>
      b.openWithoutPartner - a.openWithoutPartner ||
      nullsLast(a.region, b.region) ||
      nullsLast(a.area, b.area)
  );
}

/** The gaps of each region, every area in view together; regions by name, "not recorded" last. */
export function regionGaps(gaps: readonly GapRow[]): RegionGap[] {
  const summed = [
    'requests',
    'openWithoutPartner',
    'priced',
    'pricedCount',
    'unpriced',
    'pricedIllustrative',
    'funding',
    'fundingIllustrative'
  ] as const;
  const by = new Map<string | null, RegionGap>();
  for (const g of gaps) {
    let sum = by.get(g.region);
    if (!sum)
      by.set(
        g.region,
        (sum = { region: g.region, ...Object.fromEntries(summed.map((k) => [k, 0])) } as RegionGap)
      );
    for (const k of summed) sum[k] += g[k];
  }
  return [...by.values()].sort((a, b) => nullsLast(a.region, b.region));
}

/** Names in order, what is not recorded last. */
const nullsLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** The counted money no recipient is recorded for. */
export const unattributed = (funding: readonly RegionFundingRow[]) =>
  funding.filter((f) => !f.attributed).reduce((sum, f) => sum + f.funding, 0);

/** What the match-making view's answers say together: requests with partners, candidates, gaps, money apart. */
export function matchMaking(a: {
  requests: readonly RequestRecord[];
  candidates: readonly Candidate[];
  links: readonly RequestLink[];
  funding: readonly RegionFundingRow[];
}) {
  const candidates = withLinks(a.candidates, a.links);
  const requests = withPartners(a.requests, candidates);
  return {
    requests,
    candidates,
    gaps: gapsOf(requests, a.funding),
    unattributed: unattributed(a.funding)
  };
}
