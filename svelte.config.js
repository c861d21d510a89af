import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// app.html's one inline script (it hides the sample's figures while kept files are restored), allowed by its hash:
// SvelteKit hashes only the scripts it writes itself.
const inline =
  /<script>([\s\S]*?)<\/script>/.exec(
    readFileSync(new URL('./src/app.html', import.meta.url), 'utf8')
  )?.[1] ?? '';
const inlineHash = /** @type {`sha256-${string}`} */ (
  `sha256-${createHash('sha256').update(inline).digest('base64')}`
);

// A site served under a sub-path (`GP_BASE_PATH=/gp npm run build`): every link, asset, worker and data file
// follows it. GP_BUILD_DIR writes the site elsewhere than build/ (the test of the sub-path build keeps build/).
const base = /** @type {'' | `/${string}`} */ (process.env.GP_BASE_PATH ?? '');
const out = process.env.GP_BUILD_DIR ?? 'build';
// GP_DATA_DIR's extracts, checked and baked by scripts/build.ts, replace static/data/ in a copy of static/.
const assets = process.env.GP_ASSETS_DIR ?? 'static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    paths: { base },
    files: { assets },
    // 200.html renders any page in the browser: a participant only in a user's loaded files has a page too.
    adapter: adapter({ pages: out, assets: out, fallback: '200.html', strict: true }),
    // The browser itself enforces "no network": every page may load and connect to its own origin only.
    // SvelteKit emits this as a <meta> tag with hashes of its own inline bootstrap script.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        // duckdb-wasm compiles WebAssembly; nothing else is evaluated.
        'script-src': ['self', 'wasm-unsafe-eval', inlineHash],
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
