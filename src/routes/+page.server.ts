// The overview's answers on the bundled sample, computed at build time for the prerendered first paint.
import { homeQueries } from '$lib/data/queries/home';
import { answerAll } from '$lib/data/queries/view-set';
import { sampleDb } from '$lib/server/sample-db';

export async function load() {
  return { initial: await answerAll(await sampleDb(), homeQueries()) };
}
