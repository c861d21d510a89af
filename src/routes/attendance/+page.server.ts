// The attendance view's answers for its default filters, on the bundled sample, computed at build time.
import { attendanceQueries } from '$lib/data/queries/attendance';
import { answerAll } from '$lib/data/queries/view-set';
import { sampleDb } from '$lib/server/sample-db';
import { DEFAULT_ATTENDANCE } from '$lib/state/attendance-url';

export async function load() {
  return {
    initial: await answerAll(
      await sampleDb(),
      attendanceQueries(() => DEFAULT_ATTENDANCE)
    )
  };
}
