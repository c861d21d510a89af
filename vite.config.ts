import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Module workers (the Parquet decoder's glue reads import.meta.url).
  worker: { format: 'es' },
  build: {
    // The duckdb-wasm worker is large by nature; it is loaded only when the engine starts.
    chunkSizeWarningLimit: 1024
  }
});
