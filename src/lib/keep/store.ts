/**
 * The user's own extract files, kept in this browser's Origin Private File System: the original bytes, as loaded,
 * with a manifest naming each file's table and load time. Restoring reads them back and loads them through the same
 * checks as a fresh load, so a file that no longer passes the contract is refused, never half-shown.
 *
 * Why the original files rather than duckdb-wasm's own OPFS database: the files are what the user chose and what
 * the checks read (a database file would tie the store to one engine version and skip the checks); they are
 * smaller than the database they become; and OPFS, unlike IndexedDB, stores a file as a file (no structured clone
 * of hundreds of megabytes) and is counted in the same quota. Writes hold a Web Lock, so two tabs never write at
 * once; a tab restoring while another writes is told so and shows the sample.
 */
import type { TableName } from '$lib/data/contract';

const DIRECTORY = 'gp-dashboard-kept';
const MANIFEST = 'manifest.json';
const LOCK = 'gp-dashboard-kept';

export interface KeptFile {
  table: TableName;
  /** The name the user's file had. */
  name: string;
  loadedAt: number;
  file: Blob;
}

interface Manifest {
  version: 1;
  since: number;
  files: { stored: string; table: TableName; name: string; loadedAt: number }[];
}

/** Why keeping or restoring did not happen, in words a person can act on. */
export class KeepError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'quota' | 'busy' | 'missing' | 'failed',
    message: string
  ) {
    super(message);
  }
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function directory(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  let root: FileSystemDirectoryHandle;
  try {
    if (!navigator.storage?.getDirectory || !navigator.locks) throw new Error('no file storage');
    root = await navigator.storage.getDirectory();
  } catch {
    throw new KeepError(
      'unavailable',
      'This browser does not let the dashboard store files here (a private window, or site storage turned off).'
    );
  }
  try {
    return await root.getDirectoryHandle(DIRECTORY, { create });
  } catch (e) {
    if ((e as DOMException).name === 'NotFoundError') return null;
    throw e;
  }
}

const isQuota = (e: unknown) => (e as DOMException | null)?.name === 'QuotaExceededError';

/** Runs `task` holding the store's lock; another tab holding it makes this fail at once, never wait. */
async function locked<T>(mode: LockMode, task: () => Promise<T>): Promise<T> {
  return navigator.locks.request(LOCK, { mode, ifAvailable: true }, async (lock) => {
    if (!lock) {
      throw new KeepError(
        'busy',
        'Another tab of GP Dashboard is changing the files kept on this device right now.'
      );
    }
    return task();
  });
}

/**
 * Replaces what is kept with these files. The room is checked first; a full quota met while writing removes what
 * was written, and what was kept before stays as it was (the manifest is written last).
 */
export async function saveKept(files: readonly KeptFile[], since: number): Promise<void> {
  const dir = await directory(true);
  await locked('exclusive', async () => {
    const needed = files.reduce((sum, f) => sum + f.file.size, 0);
    const estimate = await navigator.storage.estimate?.();
    if (estimate?.quota !== undefined) {
      const room = estimate.quota - (estimate.usage ?? 0);
      if (room < needed) throw quotaError(needed, room);
    }
    const stamp = Date.now().toString(36);
    const manifest: Manifest = {
      version: 1,
      since,
      files: files.map((f, i) => ({
        stored: `${stamp}-${i}`,
        table: f.table,
        name: f.name,
        loadedAt: f.loadedAt
      }))
    };
    const written: string[] = [];
    try {
      for (const [i, f] of files.entries()) {
        const stored = manifest.files[i]!.stored;
        written.push(stored);
        await writeFile(dir!, stored, f.file);
      }
      await writeFile(dir!, MANIFEST, new Blob([JSON.stringify(manifest)]));
    } catch (e) {
      for (const name of written) await dir!.removeEntry(name).catch(() => undefined);
      if (isQuota(e)) throw quotaError(needed, null);
      throw new KeepError('failed', `The files could not be stored (${(e as Error).message}).`);
    }
    // The files of the earlier manifest, now unreferenced.
    const keep = new Set([MANIFEST, ...manifest.files.map((f) => f.stored)]);
    for await (const name of dir!.keys()) if (!keep.has(name)) await dir!.removeEntry(name);
  });
}

function quotaError(needed: number, room: number | null): KeepError {
  const allowed =
    room === null ? '' : ` and the browser allows this site ${megabytes(Math.max(0, room))} more`;
  return new KeepError(
    'quota',
    `The browser's storage for this site is full: your files need ${megabytes(needed)}${allowed}.`
  );
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, blob: Blob): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(blob);
    await writable.close();
  } catch (e) {
    await writable.abort().catch(() => undefined);
    throw e;
  }
}

/** The kept files, read under a shared lock: a tab writing them makes this fail with a `busy` KeepError. */
export async function readKept(): Promise<{ since: number; files: KeptFile[] }> {
  const dir = await directory(false);
  const missing = () =>
    new KeepError(
      'missing',
      'The files kept on this device are no longer there (the browser may have cleared them).'
    );
  if (!dir) throw missing();
  return locked('shared', async () => {
    let manifest: Manifest;
    try {
      const text = await (await (await dir.getFileHandle(MANIFEST)).getFile()).text();
      manifest = JSON.parse(text) as Manifest;
    } catch {
      throw missing();
    }
    const files: KeptFile[] = [];
    for (const f of manifest.files) {
      try {
        files.push({ ...f, file: await (await dir.getFileHandle(f.stored)).getFile() });
      } catch {
        throw missing();
      }
    }
    return { since: manifest.since, files };
  });
}

/** Removes every stored byte: the directory and everything in it. */
export async function forgetKept(): Promise<void> {
  let root: FileSystemDirectoryHandle;
  try {
    root = await navigator.storage.getDirectory();
  } catch {
    return; // Nothing could have been stored.
  }
  await locked('exclusive', () =>
    root.removeEntry(DIRECTORY, { recursive: true }).catch((e: DOMException) => {
      if (e.name !== 'NotFoundError') throw e;
    })
  );
}
