// Runs in Node. The page foretells a run's length (progress bars, ETA, the planned x axis) from the config
// alone; the engine then trains it. The two must agree, partial batches and fit's validation split included.
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/engine/run';
import { nodeAssets } from '../../src/cli/node-assets';
import type { RunConfig } from '../../src/shared/config';
import { expectedBatches } from '../../src/ui/progress/progress-math';
import { smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

describe("the page's planned batch count", () => {
  const cases: [string, Partial<RunConfig>][] = [
    ['teacher, a partial last batch, two epochs', { samples: 100, batchSize: 16, epochs: 2 }],
    ["fit's validation split taking rows off every epoch", { samples: 100, batchSize: 16, epochs: 2, validationSplit: 0.25 }],
    ['a request above what the set offers (iris has 90 training rows)', { dataset: 'iris', samples: 5000, batchSize: 32, epochs: 1 }],
  ];
  it.each(cases)('is what the engine runs: %s', async (_, overrides) => {
    const config = smallConfig({ hidden: [4], modes: ['fit', 'loop'], ...overrides });
    const result = await runExperiment(tf, config, 'cpu', { signal: { stopped: false }, onBatch() {}, assets: nodeAssets() });
    const planned = expectedBatches(config);
    expect(planned).toBeGreaterThan(0);
    expect(result.batchCounts).toEqual({ fit: planned, loop: planned });
  });
});
