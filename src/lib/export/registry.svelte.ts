/** The charts on the current view that can be exported (for the view's report pack), and their sources. */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { SourceRef } from './about';
import type { ChartFiles } from './pack';

export class ExportRegistry {
  /** Card id → a function that assembles the chart's files as they are now. */
  readonly charts = new SvelteMap<string, () => Promise<ChartFiles>>();

  /** @param sources every source of the loaded data, looked up when something is exported. */
  constructor(private readonly sources: () => Promise<readonly SourceRef[]>) {}

  /** The full records (URL, kind, publisher) of the sources with these titles. */
  async sourcesTitled(titles: readonly string[]): Promise<SourceRef[]> {
    return (await this.sources()).filter((s) => titles.includes(s.title));
  }
}

const KEY = Symbol('exports');
export const setExportRegistry = (registry: ExportRegistry) => setContext(KEY, registry);
export const getExportRegistry = () => getContext<ExportRegistry | undefined>(KEY);
