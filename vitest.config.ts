import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/charts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Charts are snapshot-tested: fix what could make an SVG differ between machines.
    env: { TZ: 'UTC', LANG: 'en_GB.UTF-8' }
  }
});
