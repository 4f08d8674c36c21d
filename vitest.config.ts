import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e files drive one Chromium each; keep files in separate processes but few at a time (2 cores).
    pool: 'forks',
    maxWorkers: 2,
  },
});
