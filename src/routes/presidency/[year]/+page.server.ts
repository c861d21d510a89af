// One page per presidency year of the bundled sample (a recorded presidency or GPWG meeting), prerendered; a year
// only in a user's loaded files is served by the static fallback page (200.html), which renders this route in the
// browser. No server load: the page's data comes from the engine, so the fallback works for any year.
import { presidencyYears } from '$lib/data/queries/presidency';
import { sampleDb } from '$lib/server/sample-db';

export const prerender = true;

export async function entries() {
  return (await presidencyYears(await sampleDb())).map(({ year }) => ({ year: String(year) }));
}
