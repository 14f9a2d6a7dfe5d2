import { defineConfig } from 'vitest/config';

/**
 * Tests that drive a browser, Python, child processes, whole data sets or long sweeps: `npm test` runs them,
 * `npm run test:unit` (fast feedback, under a minute here) does not.
 */
const SLOW = [
  'tests/browser/**',
  'tests/keras/**',
  'tests/codegen/**',
  'tests/cli/**',
  'tests/robustness/limits-sweep.test.ts',
  'tests/runtimes.test.ts',
  // Whole data sets (MNIST, a CNN on cpu, CSV files) and WebGPU through Dawn: integration, not feedback.
  'tests/engine/datasets.test.ts',
  'tests/engine/webgpu-cnn.test.ts',
  'tests/engine/webgpu-node.test.ts',
  'tests/engine/knobs.test.ts',
  'tests/engine/csv.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: training tests are CPU-bound, so running more files at once only makes each slower.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.{ts,tsx}'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.{ts,tsx}` : glob)) } },
    ],
  },
});
