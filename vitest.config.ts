import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const alias = { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) };
// Charts are snapshot-tested: fix what could make an SVG differ between machines.
const env = { TZ: 'UTC', LANG: 'en_GB.UTF-8' };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/charts/**/*.test.ts'],
          environment: 'node',
          env
        }
      },
      {
        // Runes (.svelte.ts) compiled as the browser runs them, so effects run as they do on a page.
        plugins: [svelte({ configFile: false })],
        resolve: { alias, conditions: ['browser'] },
        test: {
          name: 'state',
          include: ['tests/state/**/*.test.ts'],
          environment: 'jsdom',
          env
        }
      }
    ]
  }
});
