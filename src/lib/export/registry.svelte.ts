/** The charts on the current view that can be exported (for the view's report pack), and their sources. */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { SourceRef } from './about';
import type { ChartFiles } from './pack';
import type { Provenance } from '$lib/state/provenance';

export class ExportRegistry {
  /** Card id → a function that assembles the chart's files as they are now. */
  readonly charts = new SvelteMap<string, () => Promise<ChartFiles>>();

  /**
   * @param sources every source of the loaded data, looked up when something is exported.
   * @param provenance the data in words and its fingerprint (state/provenance.ts), null while it loads.
   */
  constructor(
    private readonly sources: () => Promise<readonly SourceRef[]>,
    readonly provenance: () => Provenance | null = () => null
  ) {}

  /** One lookup shared by the calls made together (a report pack asks once per chart, all at once). */
  #inFlight: Promise<readonly SourceRef[]> | null = null;

  /** The full records (URL, kind, publisher) of the sources with these titles. */
  async sourcesTitled(titles: readonly string[]): Promise<SourceRef[]> {
    this.#inFlight ??= this.sources().finally(() => (this.#inFlight = null));
    return (await this.#inFlight).filter((s) => titles.includes(s.title));
  }
}

const KEY = Symbol('exports');
export const setExportRegistry = (registry: ExportRegistry) => setContext(KEY, registry);
export const getExportRegistry = () => getContext<ExportRegistry | undefined>(KEY);
