/// <reference lib="webworker" />
/**
 * The page's Parquet decoder, off the main thread: bytes in, Arrow IPC out, both moved (transferred), never
 * copied, so a large file neither freezes the page nor doubles in memory on the way.
 */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { inlineDecoder } from './parquet-decode';
import { UnreadableValueError } from './parquet-int96';

const decode = inlineDecoder(() => wasmUrl);

self.onmessage = async (event: MessageEvent<{ id: number; bytes: Uint8Array }>) => {
  const { id, bytes } = event.data;
  try {
    const ipc = await decode(bytes);
    self.postMessage({ id, ipc }, [ipc.buffer]);
  } catch (e) {
    if (e instanceof UnreadableValueError) self.postMessage({ id, unreadable: e.unreadable });
    else self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
