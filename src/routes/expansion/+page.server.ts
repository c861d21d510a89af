// The expansion view's answers for its default state, on the bundled sample, computed at build time.
import { sampleDb } from '$lib/server/sample-db';
import { expansionView } from '$lib/views/expansion';
import { answerAll } from '$lib/views/view';

export async function load() {
  return { initial: await answerAll(await sampleDb(), expansionView) };
}
