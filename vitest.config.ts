import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: training tests are CPU-bound, so running more files at once only makes each slower.
    maxWorkers: 2,
  },
});
