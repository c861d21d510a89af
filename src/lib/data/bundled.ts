/** The sample extracts shipped with the app, fetched from its own origin. */
import { TABLE_NAMES } from './contract';
import type { ExtractFile } from './load';

export class BundledFetchError extends Error {}

/** Fetches every bundled `<table>.parquet` under `dataUrl` (the app's own `/data` folder). */
export async function fetchBundledExtracts(
  dataUrl: string,
  fetchFn: typeof fetch = fetch
): Promise<ExtractFile[]> {
  return Promise.all(
    TABLE_NAMES.map(async (table) => {
      const file = `${table}.parquet`;
      const response = await fetchFn(`${dataUrl}/${file}`);
      if (!response.ok) throw new BundledFetchError(`${file} could not be fetched (HTTP ${response.status})`);
      return { table, file, bytes: new Uint8Array(await response.arrayBuffer()) };
    })
  );
}
