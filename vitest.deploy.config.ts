import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The deployment test (`npm run test:deploy`, outside `npm test`): the sub-path build through nginx and Apache.
export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    include: ['tests/deploy/**/*.deploy.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
});
