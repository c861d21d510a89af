/** Reading single values from a URL query: what every view's URL codec shares. */

/** An entity id as the contract writes them (ISO alpha-3, or a short code): anything else is not looked up. */
export const ENTITY_ID = /^[A-Z0-9]{2,12}$/;

/** A parsed URL state, and what was ignored, in words for the user. */
export interface Parsed<T> {
  value: T;
  notices: string[];
}

/** A year from the URL, or null when absent; anything else is ignored with a notice. */
export function parseYear(raw: string | null, name: string, notices: string[]): number | null {
  if (raw === null || raw === '') return null;
  const year = Number(raw);
  if (Number.isInteger(year) && year >= 1900 && year <= 2100) return year;
  notices.push(`"${raw}" is not a year; the ${name} year filter was ignored.`);
  return null;
}

/** Years as query values, left out when not set. */
export function setYears(params: URLSearchParams, from: number | null, to: number | null): void {
  if (from !== null) params.set('from', String(from));
  if (to !== null) params.set('to', String(to));
}
