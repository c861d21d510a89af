/** The sources behind a card: the line under it, and the titles its exports list with their links. */
import type { CitedSourceRow } from '$lib/data/queries/home';
import { sourceLine } from '$lib/format';

export interface CardSources {
  line: string | undefined;
  titles: string[];
}

/** `rows` is undefined until the sources are known: the card then has no source line yet. */
export function cardSources(rows: readonly CitedSourceRow[] | undefined, prefix = ''): CardSources {
  return rows
    ? { line: `${prefix}${sourceLine(rows)}`, titles: rows.map((s) => s.title) }
    : { line: undefined, titles: [] };
}

/** Several cards' sources as one (a chart of money against needs cites both). */
export function joinSources(...parts: readonly CardSources[]): CardSources {
  const lines = parts.map((p) => p.line).filter((l): l is string => !!l);
  return { line: lines.length ? lines.join(' ') : undefined, titles: parts.flatMap((p) => p.titles) };
}
