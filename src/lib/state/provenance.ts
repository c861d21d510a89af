/**
 * The data a page shows, said the same way wherever a figure leaves the page: the printed header, every export,
 * a copied chart and a copied link. The sample with its date, or the user's files with their names and load
 * time, and a short fingerprint of every table's bytes, so a link opened on other data can say so.
 */
import { TABLE_NAMES, type TableName } from '$lib/data/contract';

/** Where a table's rows come from, with the SHA-256 of the bytes they were read from. */
export type TableOrigin =
  { kind: 'sample'; sha256: string } | { kind: 'file'; file: string; loadedAt: number; sha256: string };

export interface Provenance {
  /** "the bundled sample of 2026-11-30 (data 3f2a9c1b)". */
  words: string;
  /** Eight hex digits over every table's bytes: the same data, the same fingerprint. */
  fingerprint: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** The fingerprint of a set of tables: the first eight hex digits of the SHA-256 of their hashes in order. */
export async function fingerprintOf(origins: Record<TableName, TableOrigin>): Promise<string> {
  const joined = TABLE_NAMES.map((t) => origins[t].sha256).join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(joined));
  return [...new Uint8Array(digest).slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The data in words, from its origins, the sample's date and the fingerprint. */
export function provenanceWords(
  origins: Record<TableName, TableOrigin>,
  sampleDate: string | null,
  fingerprint: string,
  /** The site was built on a team's own extracts (GP_DATA_DIR): its bundled data is not the sample. */
  team = false
): string {
  const files = TABLE_NAMES.map((t) => origins[t]).filter((o) => o.kind === 'file');
  const sample = `${team ? "the site's bundled data" : 'the bundled sample'}${sampleDate ? ` of ${sampleDate}` : ''}`;
  if (files.length === 0) return `${sample} (data ${fingerprint})`;
  const names = [...new Set(files.map((f) => f.file))].join(', ');
  const loaded = day(Math.max(...files.map((f) => f.loadedAt)));
  const rest = files.length < TABLE_NAMES.length ? `, with ${sample} for the other tables` : '';
  return `your files ${names} (loaded ${loaded} UTC${rest}; data ${fingerprint})`;
}

/**
 * The address of a view to share: its state, the data's fingerprint (`data=`, so the link opened on other data
 * says so), and the card it points at.
 */
export function linkWithData(href: string, fingerprint: string | undefined, card: string): string {
  const url = new URL(href);
  url.hash = card;
  if (fingerprint) url.searchParams.set('data', fingerprint);
  return url.href;
}
