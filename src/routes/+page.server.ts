// The overview's answers on the bundled sample, computed at build time for the prerendered first paint.
import { bundledIsTeam, sampleDb } from '$lib/server/sample-db';
import { homeView } from '$lib/views/home';
import { answerAll } from '$lib/views/view';

export async function load() {
  return { initial: await answerAll(await sampleDb(), homeView), team: bundledIsTeam() };
}
