import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // 200.html renders any page in the browser: a participant only in a user's loaded files has a page too.
    adapter: adapter({ fallback: '200.html', strict: true }),
    // The browser itself enforces "no network": every page may load and connect to its own origin only.
    // SvelteKit emits this as a <meta> tag with hashes of its own inline bootstrap script.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        // duckdb-wasm compiles WebAssembly; nothing else is evaluated.
        'script-src': ['self', 'wasm-unsafe-eval'],
        // Observable Plot writes a <style> element into each chart.
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
