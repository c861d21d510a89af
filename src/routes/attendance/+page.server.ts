// The attendance view's answers for its default state, on the bundled sample, computed at build time.
import { sampleDb } from '$lib/server/sample-db';
import { attendanceView } from '$lib/views/attendance';
import { answerAll } from '$lib/views/view';

export async function load() {
  return { initial: await answerAll(await sampleDb(), attendanceView) };
}
