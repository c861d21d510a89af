// The funding view's answers for its default rules and filters, on the bundled sample, computed at build time.
import { PRESETS } from '$lib/data/counting-rules';
import { fundingQueries } from '$lib/data/queries/funding';
import { answerAll } from '$lib/data/queries/view-set';
import { sampleDb } from '$lib/server/sample-db';
import { DEFAULT_FUNDING } from '$lib/state/funding-url';

export async function load() {
  const { rules, filters, compare } = DEFAULT_FUNDING;
  const queries = fundingQueries({
    rules: () => rules,
    filters: () => filters,
    compareWith: () => PRESETS[compare].rules
  });
  return { initial: await answerAll(await sampleDb(), queries) };
}
