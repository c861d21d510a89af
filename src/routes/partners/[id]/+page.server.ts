// One page per participant of the bundled sample, prerendered; a participant only in a user's loaded files is
// served by the static fallback page (200.html), which renders this route in the browser. No server load: the
// page's data comes from the engine, so the fallback works for any id.
import { sql } from '$lib/data/db';
import { sampleDb } from '$lib/server/sample-db';

export const prerender = true;

export async function entries() {
  const rows = await (
    await sampleDb()
  ).query<{ id: string }>(sql`SELECT entity_id AS id FROM entities ORDER BY id`);
  return rows.map((r) => ({ id: r.id }));
}
