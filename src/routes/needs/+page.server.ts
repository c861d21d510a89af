// The match-making view's answers for its default state, on the bundled sample, computed at build time.
import { sampleDb } from '$lib/server/sample-db';
import { needsView } from '$lib/views/needs';
import { answerAll } from '$lib/views/view';

export async function load() {
  return { initial: await answerAll(await sampleDb(), needsView) };
}
