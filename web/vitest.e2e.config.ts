import { defineConfig } from 'vitest/config';

// Browser tests: each spec starts its own pocketshop server on a fresh
// database and drives Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    setupFiles: ['e2e/support/setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 15_000,
    reporters: ['verbose'],
  },
});
