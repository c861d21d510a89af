/** Hands the one Engine from the root layout to every view. */
import { getContext, setContext } from 'svelte';
import type { Engine } from './engine.svelte';

const KEY = Symbol('engine');

export function setEngine(engine: Engine): Engine {
  return setContext(KEY, engine);
}

export function getEngine(): Engine {
  const engine = getContext<Engine | undefined>(KEY);
  if (!engine) throw new Error('getEngine() needs the root layout, which provides the engine');
  return engine;
}
