// The expansion view's answers for its default filters, on the bundled sample, computed at build time.
import { expansionQueries } from '$lib/data/queries/expansion';
import { answerAll } from '$lib/data/queries/view-set';
import { sampleDb } from '$lib/server/sample-db';
import { DEFAULT_EXPANSION } from '$lib/state/expansion-url';

export async function load() {
  return {
    initial: await answerAll(
      await sampleDb(),
      expansionQueries(() => DEFAULT_EXPANSION)
    )
  };
}
