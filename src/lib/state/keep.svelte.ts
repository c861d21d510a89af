/**
 * "Keep my data on this device": off by default. On, the files behind the tables the user loaded are stored in this
 * browser (never uploaded) and restored on the next visit; "Forget my data" removes every stored byte. Whatever
 * keeping or restoring cannot do is said in `message`; the data loaded in this tab is never touched by it.
 */
import type { TableName } from '$lib/data/contract';
import type { Problem } from '$lib/data/problem';
import { clearFlag, readFlag, writeFlag } from '$lib/keep/flag';
import { KeepError, type KeptFile } from '$lib/keep/store';

export interface KeepMessage {
  tone: 'error' | 'done';
  text: string;
  problems?: Problem[];
  /** Files are still stored: the message offers to forget them. */
  canForget?: boolean;
}

const STAY = 'Your files stay loaded in this tab until you reload or close it.';

export class Keeper {
  /** When "keep" was turned on; null while it is off. */
  since = $state<number | null>(null);
  /** Kept files are being restored: the views wait, and no sample figure is painted. */
  restoring = $state(false);
  /** The loaded files are in the store (not still being written). */
  stored = $state(false);
  saving = $state(false);
  message = $state<KeepMessage | null>(null);
  /** The files behind each table from the user's files, as loaded (a File reads from disk only when stored). */
  #files: Partial<Record<TableName, KeptFile[]>> = {};

  constructor() {
    const flag = readFlag();
    if (!flag) return;
    this.since = flag.since;
    this.restoring = flag.tables > 0;
  }

  /**
   * Reads the kept files and hands them to `load` (the engine's all-or-nothing load); what could not be restored
   * is said in `message`, and the engine shows the sample then.
   */
  async restore(load: (files: KeptFile[]) => Promise<Problem[] | null>): Promise<void> {
    if (!this.restoring) return;
    const fallBack = (text: string, problems?: Problem[], canForget = true) => {
      this.message = {
        tone: 'error',
        text: `${text} The bundled sample is shown instead.`,
        problems,
        canForget
      };
    };
    try {
      const { readKept } = await import('$lib/keep/store');
      const kept = await readKept();
      const problems = await load(kept.files);
      if (problems) {
        fallBack(
          "Your files kept on this device could not be restored: they no longer pass the dashboard's checks. Load corrected files, or forget them.",
          problems
        );
        return;
      }
      this.#files = groupByTable(kept.files);
      this.since = kept.since;
      this.stored = true;
    } catch (e) {
      if (e instanceof KeepError && e.reason === 'busy')
        fallBack(`${e.message} Reload in a moment to see your files.`, undefined, false);
      else
        fallBack(
          e instanceof KeepError ? e.message : `Your kept files could not be read (${(e as Error).message}).`
        );
    } finally {
      this.restoring = false;
    }
  }

  /** Restoring did not start (the engine failed first). */
  abandon(): void {
    this.restoring = false;
  }

  /** A load replaced these tables with these files: kept at once when "keep" is on. */
  async loaded(tables: { table: TableName; files: KeptFile[] }[]): Promise<void> {
    for (const { table, files } of tables) this.#files[table] = files;
    if (this.since !== null) await this.#save();
  }

  /** The sample is back in every table: nothing of the user's is left to keep. */
  async cleared(): Promise<void> {
    this.#files = {};
    if (this.since !== null) await this.#save();
  }

  async turnOn(): Promise<void> {
    if (this.since !== null) return;
    this.since = Date.now();
    this.message = null;
    await this.#save();
  }

  /** Removes every stored byte: the files, the manifest and the flag. The data loaded in this tab stays. */
  async forget(): Promise<void> {
    const had = this.since !== null || this.message?.canForget;
    try {
      const { forgetKept } = await import('$lib/keep/store');
      await forgetKept();
      clearFlag();
      this.since = null;
      this.stored = false;
      this.message = had
        ? {
            tone: 'done',
            text: `Nothing of yours is stored on this device any more. ${Object.keys(this.#files).length > 0 ? STAY : ''}`.trim()
          }
        : null;
    } catch (e) {
      this.message = {
        tone: 'error',
        text: `Your kept files could not be removed: ${(e as Error).message}`,
        canForget: true
      };
    }
  }

  /** Stores the files of every table; on any failure nothing stays stored and "keep" is off, said why. */
  async #save(): Promise<void> {
    const since = this.since!;
    const files = Object.values(this.#files).flat();
    this.saving = true;
    this.stored = false;
    try {
      const { saveKept } = await import('$lib/keep/store');
      await saveKept(files, since);
      writeFlag({ since, tables: Object.keys(this.#files).length });
      this.stored = true;
    } catch (e) {
      const reason =
        e instanceof KeepError ? e.message : `They could not be stored (${(e as Error).message}).`;
      await import('$lib/keep/store').then((s) => s.forgetKept()).catch(() => undefined);
      clearFlag();
      this.since = null;
      this.message = { tone: 'error', text: `Your files are not kept on this device. ${reason} ${STAY}` };
    } finally {
      this.saving = false;
    }
  }
}

function groupByTable(files: KeptFile[]): Partial<Record<TableName, KeptFile[]>> {
  const byTable: Partial<Record<TableName, KeptFile[]>> = {};
  for (const f of files) (byTable[f.table] ??= []).push(f);
  return byTable;
}
