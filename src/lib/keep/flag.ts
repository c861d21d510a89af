/**
 * The one thing kept outside the file store: a localStorage key saying that files are kept and since when. It is
 * read synchronously, before the first paint, by the inline script in `src/app.html` (which spells the key the same
 * way; a unit test holds them together), so a page never paints the sample's figures while the files are restored.
 * With "keep" off it does not exist.
 */
export const KEPT_KEY = 'gp-dashboard:kept';
/** The class the inline script puts on <html>; the engine takes it off once restoring has ended. */
export const RESTORING_CLASS = 'gp-restoring';

export interface KeptFlag {
  /** When "keep" was turned on (ms since the epoch). */
  since: number;
  /** How many tables come from kept files: none, and there is nothing to restore. */
  tables: number;
}

/** Storage can be missing (a private window, cookies blocked): then nothing is kept, and this says so. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readFlag(): KeptFlag | null {
  try {
    const value = JSON.parse(storage()?.getItem(KEPT_KEY) ?? 'null') as Partial<KeptFlag> | null;
    if (!value || typeof value.since !== 'number' || typeof value.tables !== 'number') return null;
    return { since: value.since, tables: value.tables };
  } catch {
    return null;
  }
}

export function writeFlag(flag: KeptFlag): void {
  const store = storage();
  if (!store) throw new DOMException('localStorage is not available', 'SecurityError');
  store.setItem(KEPT_KEY, JSON.stringify(flag));
}

export function clearFlag(): void {
  storage()?.removeItem(KEPT_KEY);
}
