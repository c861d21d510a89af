/**
 * The sample extracts shipped with the app, fetched from its own origin, and whether they may skip the contract's
 * checks: only when each file's SHA-256 is the one `npm run data` wrote in `manifest.json` after validating it.
 * A file changed since (by hand, by a host, in transit) is validated like any file.
 */
import { TABLE_NAMES } from './contract';
import type { ExtractFile } from './load';

export class BundledFetchError extends Error {}

/**
 * What `npm run data` records of the files it validated: each file's SHA-256, in hex, and the day the sample's
 * content last changed (the sample's date in exports and print).
 */
export interface BundleManifest {
  sha256: Record<string, string>;
  updated?: string;
  /** `team`: a GP_DATA_DIR build, on a team's own extracts rather than the sample. */
  extracts?: 'sample' | 'team';
  /**
   * Contributions too many for a browser (GP_DATA_DIR builds): the bundle holds the largest `shipped` of `rows`,
   * and the funding basis over all of them, one file per table under `basis/` (their SHA-256 in `basis`).
   */
  summary?: Summary & { basis: Record<string, string> };
}

/** Contributions summarised by the build: how many there are, and how many rows the bundle holds. */
export interface Summary {
  table: 'contributions';
  rows: number;
  shipped: number;
}

/** The sample as fetched: its files, whether they are the ones validated, each file's SHA-256 and its date. */
export interface BundledExtracts {
  files: ExtractFile[];
  trusted: boolean;
  sha256: Record<string, string>;
  updated: string | null;
  /** A GP_DATA_DIR build: the bundled data is a team's own, not the sample. */
  team: boolean;
  /** Summarised contributions, and the funding basis over all of them (its files, to adopt). */
  summary: (Summary & { basis: BasisFile[] }) | null;
}

export const MANIFEST_FILE = 'manifest.json';
/** Where a shipped funding basis sits, under the data folder. */
export const BASIS_DIR = 'basis';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when every file is exactly the one the manifest says was validated (`hashes`: each file's SHA-256). */
export function matchesManifest(
  files: readonly ExtractFile[],
  hashes: readonly string[],
  manifest: BundleManifest | null
): boolean {
  if (!manifest) return false;
  return files.every((f, i) => manifest.sha256[f.file] === hashes[i]);
}

/** Fetches every bundled `<table>.parquet` under `dataUrl` (the app's own `/data` folder) and its manifest. */
export async function fetchBundledExtracts(
  dataUrl: string,
  fetchFn: typeof fetch = fetch
): Promise<BundledExtracts> {
  const [files, manifest] = await Promise.all([
    Promise.all(
      TABLE_NAMES.map(async (table) => {
        const file = `${table}.parquet`;
        const response = await fetchFn(`${dataUrl}/${file}`);
        if (!response.ok)
          throw new BundledFetchError(`${file} could not be fetched (HTTP ${response.status})`);
        return { table, file, bytes: new Uint8Array(await response.arrayBuffer()) };
      })
    ),
    fetchFn(`${dataUrl}/${MANIFEST_FILE}`).then(
      (r) => (r.ok ? (r.json() as Promise<BundleManifest>) : null),
      () => null
    )
  ]);
  const hashes = await Promise.all(files.map((f) => sha256Hex(f.bytes)));
  const summary = manifest?.summary
    ? { ...manifest.summary, basis: basisFiles(dataUrl, manifest.summary.basis, fetchFn) }
    : null;
  return {
    summary,
    files,
    trusted: matchesManifest(files, hashes, manifest),
    sha256: Object.fromEntries(files.map((f, i) => [f.table, hashes[i]!])),
    updated: manifest?.updated ?? null,
    team: manifest?.extracts === 'team'
  };
}

/** A shipped basis file: read when asked (the largest may never be needed), checked against the build's SHA-256. */
export interface BasisFile {
  file: string;
  read: () => Promise<Uint8Array>;
}

/** The shipped funding basis, each file checked against the SHA-256 the build recorded: a basis is never guessed. */
function basisFiles(dataUrl: string, hashes: Record<string, string>, fetchFn: typeof fetch): BasisFile[] {
  return Object.entries(hashes).map(([file, sha256]) => ({
    file,
    read: async () => {
      const response = await fetchFn(`${dataUrl}/${BASIS_DIR}/${file}`);
      if (!response.ok)
        throw new BundledFetchError(`${BASIS_DIR}/${file} could not be fetched (HTTP ${response.status})`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if ((await sha256Hex(bytes)) !== sha256)
        throw new BundledFetchError(
          `${BASIS_DIR}/${file} is not the file the build wrote (its SHA-256 differs)`
        );
      return bytes;
    }
  }));
}
