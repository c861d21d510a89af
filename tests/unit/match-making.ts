/** What the match-making view shows for rules and filters: its queries' answers put together as its page does. */
import type { CountingRules } from '$lib/data/counting-rules';
import type { Db } from '$lib/data/db';
import { fundingByRegion } from '$lib/data/queries/request-gaps';
import { candidates, requestLinks, requests, type RequestFilters } from '$lib/data/queries/requests';
import { matchMaking } from '$lib/views/needs-match';

export async function shown(db: Db, rules: CountingRules, f: RequestFilters) {
  return matchMaking({
    requests: await requests(db, rules, f),
    candidates: await candidates(db, rules, f),
    links: await requestLinks(db),
    funding: await fundingByRegion(db, rules, f)
  });
}
