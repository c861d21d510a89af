/** With many donors, the partner ranking keeps the top ones and sums the rest in one row, losing no money. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_RULES } from '$lib/data/counting-rules';
import type { ArrowDb } from '$lib/data/db';
import {
  OTHER_PARTNERS_ID,
  TOP_PARTNERS,
  contributionsByArea,
  contributionsByDonor
} from '$lib/data/queries/funding';
import { syntheticSampleContributions } from '../../scripts/synthetic-sample';
import { loadUserFiles } from '$lib/data/user-files';
import { openSampleDb } from './sample-db';

let db: ArrowDb & { close(): void };
beforeAll(async () => {
  db = await openSampleDb();
  const csv = syntheticSampleContributions(5_000);
  const result = await loadUserFiles(db, [
    { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) }
  ]);
  if (!result.ok) throw new Error(result.problems[0]?.message);
});
afterAll(() => db.close());

test('the top partners one by one, the others in one row, the same total', async () => {
  const filters = { donor: null, area: null, yearFrom: null, yearTo: null };
  const rows = await contributionsByDonor(db, DEFAULT_RULES, filters);
  const groups = new Set(rows.map((r) => r.donorId));
  expect(groups.size).toBe(TOP_PARTNERS + 1);
  const others = rows.find((r) => r.donorId === OTHER_PARTNERS_ID);
  expect(others?.donor).toMatch(/^Other partners \(\d+\)$/);
  // No money is lost: the partner rows sum to what the priority areas sum to.
  const sum = (rs: readonly { amount: number }[]) => rs.reduce((s, r) => s + r.amount, 0);
  const byArea = await contributionsByArea(db, DEFAULT_RULES, filters);
  expect(sum(rows)).toBeCloseTo(sum(byArea), 2);
});
