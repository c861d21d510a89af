/**
 * The in-browser database's life: starting, ready, or failed with a reason a person can act on; and, once ready,
 * the user's own files replacing tables (all-or-nothing) and the way back to the sample. One Engine is created
 * by the root layout and handed to every view through context.
 */
import { TABLE_NAMES, type TableName } from '$lib/data/contract';
import type { ArrowDb } from '$lib/data/db';
import type { LoadStatus } from '$lib/data/load';
import type { BundledExtracts, Summary } from '$lib/data/bundled';
import { loadFailure, type Problem } from '$lib/data/problem';
import { fingerprintOf, provenanceWords, type Provenance, type TableOrigin } from './provenance';
import { Keeper } from './keep.svelte';
import type { KeptFile } from '$lib/keep/store';

export type { TableOrigin } from './provenance';

export type EngineState =
  | { status: 'starting'; step: string }
  | {
      status: 'ready';
      db: ArrowDb;
      /** Where each table's rows come from: the bundled sample, or a file the user loaded (and when). */
      origins: Record<TableName, TableOrigin>;
      /** The data in words and its fingerprint, for print, exports and links. */
      provenance: Provenance;
      /** The bundled contributions are summarised (the largest shipped, the funding basis over all of them). */
      summary: Summary | null;
      /** The bundled data is a team's own (a GP_DATA_DIR build), not the sample. */
      team: boolean;
    }
  | { status: 'failed'; message: string; problems: Problem[] };

/** The outcome of the last load the user asked for. */
export type LoadReport =
  | { ok: true; tables: { table: TableName; file: string }[]; notices: string[] }
  | { ok: false; files: string[]; problems: Problem[] };

const sampleOrigins = (sample: BundledExtracts) =>
  Object.fromEntries(
    TABLE_NAMES.map((t) => [t, { kind: 'sample', sha256: sample.sha256[t] ?? '' }])
  ) as Record<TableName, TableOrigin>;

export class Engine {
  // Raw: replaced whole, never mutated; and the database stays itself (not a proxy), the key its basis state is kept under.
  state = $state.raw<EngineState>({ status: 'starting', step: 'Starting the in-browser database' });
  /** A load in progress: what it is doing and how far it is. */
  loading = $state<LoadStatus | null>(null);
  report = $state<LoadReport | null>(null);
  /** The user's files kept on this device, if they chose so. */
  readonly keep = new Keeper();
  #dataUrl = '';
  /** The bundled sample's date, from its manifest. */
  #sampleDate: string | null = null;
  #team = false;

  /** The ready state for these origins: its provenance computed from them. */
  async #ready(db: ArrowDb, origins: Record<TableName, TableOrigin>): Promise<EngineState> {
    const fingerprint = await fingerprintOf(origins);
    const words = provenanceWords(origins, this.#sampleDate, fingerprint, this.#team);
    const summary = origins.contributions.kind === 'sample' ? this.#summary : null;
    return { status: 'ready', db, origins, provenance: { words, fingerprint }, summary, team: this.#team };
  }

  /** The sample's summarised contributions, when the build summarised them. */
  #summary: Summary | null = null;

  /** Loads the sample's files, and adopts the funding basis the build shipped with summarised contributions. */
  async #loadSample(db: ArrowDb, sample: BundledExtracts) {
    const { loadExtracts } = await import('$lib/data/load');
    const result = await loadExtracts(db, sample.files, undefined, { trusted: sample.trusted });
    if (result.ok && sample.summary) {
      const { adoptBasisFromFiles } = await import('$lib/data/queries/funding-basis-ship');
      await adoptBasisFromFiles(db, sample.summary.basis);
    }
    const summary = sample.summary;
    this.#summary = summary ? { table: summary.table, rows: summary.rows, shipped: summary.shipped } : null;
    return result;
  }

  get db(): ArrowDb | null {
    return this.state.status === 'ready' ? this.state.db : null;
  }

  /** True when any table comes from the user's files. */
  get userData(): boolean {
    return this.state.status === 'ready' && Object.values(this.state.origins).some((o) => o.kind === 'file');
  }

  /** The sample, and whether it is exactly what the build validated (then it skips the checks). */
  async #bundled(): Promise<BundledExtracts> {
    const { fetchBundledExtracts } = await import('$lib/data/bundled');
    const sample = await fetchBundledExtracts(this.#dataUrl);
    this.#sampleDate = sample.updated;
    this.#team = sample.team;
    return sample;
  }

  /** Starts duckdb-wasm and loads the bundled sample extracts, all from this site's own origin. */
  async start(dataUrl: string): Promise<void> {
    this.#dataUrl = dataUrl;
    try {
      this.state = { status: 'starting', step: 'Starting the in-browser database' };
      const { openBrowserDb } = await import('$lib/data/duckdb-browser');
      // Marks for the benchmark: the engine's own start-up, and when the data is ready.
      performance.mark('gp:engine-start');
      const [db, files] = await Promise.all([
        openBrowserDb().then((db) => (performance.mark('gp:engine-open'), db)),
        this.#bundled()
      ]);
      this.state = { status: 'starting', step: 'Loading the sample data' };
      const result = await this.#loadSample(db, files);
      if (!result.ok) {
        this.state = {
          status: 'failed',
          message: 'The bundled sample data is invalid.',
          problems: result.problems
        };
        return;
      }
      const origins = sampleOrigins(files);
      // Kept files go on top of the sample before anything is shown: all of them, or the sample alone.
      await this.keep.restore(async (kept) => {
        this.state = { status: 'starting', step: 'Restoring your files kept on this device' };
        const result = await this.#loadUserFiles(db, kept).finally(() => (this.loading = null));
        if (!result.ok) return result.problems;
        Object.assign(origins, result.origins);
        return null;
      });
      this.state = await this.#ready(db, origins);
      performance.mark('gp:data-ready');
    } catch (e) {
      this.state = { status: 'failed', message: (e as Error).message, problems: [] };
    } finally {
      this.keep.abandon();
    }
  }

  /**
   * Loads files (each with its table's name, load time and bytes) into the database, all or nothing, and says
   * where each table it replaced now comes from.
   */
  async #loadUserFiles(db: ArrowDb, files: readonly Omit<KeptFile, 'table'>[]) {
    const { loadUserFiles, refuseSourcesAlone } = await import('$lib/data/user-files');
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) }))
    );
    // While restoring, the state is not ready yet and the contributions are still the bundled ones.
    const summary = this.state.status === 'ready' ? this.state.summary : this.#summary;
    const refused = summary && refuseSourcesAlone(read, summary);
    if (refused) return { ok: false as const, problems: [refused] };
    const result = await loadUserFiles(db, read, (status) => {
      this.loading = status;
    });
    if (!result.ok) return result;
    // The funding basis for the new rows, at once: the funding queries the new state sends wait for it, which
    // costs about what one of them would scanning (nothing to do when contributions and sources stayed).
    const { buildFundingBasis } = await import('$lib/data/queries/funding-basis-state');
    void buildFundingBasis(db);
    const { sha256Hex } = await import('$lib/data/bundled');
    const origins: Partial<Record<TableName, TableOrigin>> = {};
    const kept: { table: TableName; files: KeptFile[] }[] = [];
    for (const t of result.tables) {
      const parts = files.filter((f) => t.names.includes(f.name));
      const hashes = await Promise.all(parts.map((f) => sha256Hex(read[files.indexOf(f)]!.bytes)));
      // A table read from several files: the hash of their hashes, in order.
      const sha256 =
        hashes.length === 1 ? hashes[0]! : await sha256Hex(new TextEncoder().encode(hashes.join('\n')));
      origins[t.table] = { kind: 'file', file: t.file, loadedAt: parts[0]!.loadedAt, sha256 };
      kept.push({ table: t.table, files: parts.map((f) => ({ ...f, table: t.table })) });
    }
    return { ...result, origins, kept };
  }

  /**
   * Replaces the tables these files are for, after checking them together with the tables they join; any
   * problem rejects the whole load and leaves every table as it was. The files never leave the browser.
   */
  async loadFiles(files: readonly File[]): Promise<LoadReport> {
    const state = this.state;
    if (state.status !== 'ready' || this.loading) {
      const problem = loadFailure(new Error('the database is not ready for another load; wait a moment'));
      return (this.report = { ok: false, files: files.map((f) => f.name), problems: [problem] });
    }
    this.report = null;
    performance.mark('gp:load-start');
    this.loading = { step: 'Reading the files', fraction: 0 };
    const names = files.map((f) => f.name);
    try {
      const loadedAt = Date.now();
      const result = await this.#loadUserFiles(
        state.db,
        files.map((file) => ({ name: file.name, loadedAt, file }))
      );
      if (!result.ok) return (this.report = { ok: false, files: names, problems: result.problems });
      // A new state object: every view's queries read it, so every view redraws from the new data.
      this.state = await this.#ready(state.db, { ...state.origins, ...result.origins });
      performance.mark('gp:load-end');
      void this.keep.loaded(result.kept);
      const { tables, notices } = result;
      return (this.report = {
        ok: true,
        tables: tables.map(({ table, file }) => ({ table, file })),
        notices
      });
    } catch (e) {
      return (this.report = { ok: false, files: files.map((f) => f.name), problems: [loadFailure(e)] });
    } finally {
      this.loading = null;
    }
  }

  /** Puts the bundled sample back in every table; a failure is reported like a refused load, never thrown. */
  async resetToSample(): Promise<void> {
    const state = this.state;
    if (state.status !== 'ready' || this.loading) return;
    this.loading = { step: 'Loading the sample data', fraction: 0 };
    try {
      const sample = await this.#bundled();
      const result = await this.#loadSample(state.db, sample);
      if (!result.ok) {
        this.report = { ok: false, files: ['the bundled sample'], problems: result.problems };
        return;
      }
      this.state = await this.#ready(state.db, sampleOrigins(sample));
      this.report = null;
      void this.keep.cleared();
    } catch (e) {
      this.report = { ok: false, files: ['the bundled sample'], problems: [loadFailure(e)] };
    } finally {
      this.loading = null;
    }
  }
}
