/**
 * Synthetic contributions for the benchmark and the large-file tests: deterministic (a fixed seed), valid
 * against the contract and the sample's entities, and every row cites the sample's illustrative source, so the
 * app marks all of it as made up.
 */
import { CHANNELS, PRIORITY_AREAS, STAGES } from './contract';

export const SYNTHETIC_SOURCE = 'illustrative-sample';

/** mulberry32: a tiny, well-known seeded generator; enough for reproducible test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CONTRIBUTION_COLUMNS = [
  'contribution_id',
  'donor_id',
  'recipient_id',
  'priority_area',
  'year',
  'period_end_year',
  'stage',
  'amount_usd',
  'channel',
  'in_kind',
  'project',
  'source_id'
] as const;

/**
 * `rows` contributions as CSV text, donors and recipients drawn from `entities` (ids that exist in the data).
 * About 110 bytes a row: 450,000 rows make a 50 MB file.
 */
export function syntheticContributionsCsv(rows: number, entities: readonly string[], seed = 2002): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lines: string[] = [CONTRIBUTION_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const year = 2002 + Math.floor(next() * 22);
    const spread = next() < 0.3 ? year + 1 + Math.floor(next() * 4) : '';
    const recipient = next() < 0.6 ? pick(entities) : '';
    const amount = Math.round(next() * 5e7) / 100;
    lines.push(
      [
        `syn-${i}`,
        pick(entities),
        recipient,
        pick(PRIORITY_AREAS),
        year,
        spread,
        pick(STAGES),
        amount,
        pick(CHANNELS),
        next() < 0.1,
        `synthetic project ${i % 997}`,
        SYNTHETIC_SOURCE
      ].join(',')
    );
  }
  return lines.join('\n') + '\n';
}
