// The memory guard: the estimate's terms, the estimate against the allocation hook's measured peak on a grid
// of setups (each term exercised somewhere), and the host limits that refuse what a browser worker cannot hold.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/cli/node-assets';
import { describeArchitecture } from '../../src/engine/architecture';
import type { DataShape } from '../../src/engine/data/types';
import {
  BROWSER_WORKER_LIMITS,
  NODE_HOST_LIMITS,
  estimatePeakBytes,
  guardMessage,
  guardMode,
  hostLimits,
} from '../../src/engine/memory-estimate';
import { prepareRun, runMode } from '../../src/engine/run';
import type { BackendName, ModeName, RunConfig } from '../../src/shared/config';
import { smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

const regression = (samples: number, features: number): DataShape => ({ samples, features, outputs: 1, task: 'regression' });
const estimate = (overrides: Partial<RunConfig>, mode: ModeName, shape: DataShape) => {
  const config = smallConfig(overrides);
  return estimatePeakBytes(config, mode, shape, describeArchitecture(config, shape));
};

describe('estimate terms', () => {
  // features 4 → Dense(3) → Dense(1): 4·3 + 3 + 3·1 + 1 = 19 parameters.
  const shape = regression(1000, 4);
  const tiny = { hidden: [3], batchSize: 10 };

  it('counts the weights once and each optimizer slot as another copy', () => {
    const slots = { adam: 2, rmsprop: 2, adagrad: 1, sgd: 0 } as const;
    for (const [optimizer, copies] of Object.entries(slots)) {
      const { terms } = estimate({ ...tiny, optimizer: optimizer as keyof typeof slots }, 'loop', shape);
      expect(terms.weights).toBe(19 * 4);
      expect(terms.optimizerSlots, optimizer).toBe(19 * 4 * copies);
    }
  });

  it("Adam's update holds every parameter's temporaries at once; the others only the largest variable's", () => {
    const wide = regression(1000, 64);
    const layers = (hidden: number[]) => ({ hidden, batchSize: 1 });
    // Adding a second, equally large layer doubles Adam's update but adds only gradients for sgd.
    for (const optimizer of ['adam', 'sgd'] as const) {
      const one = estimate({ ...layers([64]), optimizer }, 'loop', wide).terms.update;
      const two = estimate({ ...layers([64, 64]), optimizer }, 'loop', wide).terms.update;
      const added = (64 * 64 + 64) * 4;
      expect(two - one, optimizer).toBe(optimizer === 'adam' ? 15 * added : added);
    }
  });

  it('grows the backward pass linearly with the batch, and the plain-ops loop makes fewer temporaries than Keras', () => {
    const at = (batchSize: number, mode: ModeName) => estimate({ hidden: [256], batchSize }, mode, regression(100_000, 32)).terms.backward;
    expect(at(2048, 'fitDataset') - at(1024, 'fitDataset')).toBe(at(1024, 'fitDataset') - at(0, 'fitDataset'));
    expect(at(1024, 'loop')).toBeLessThan(at(1024, 'fitDataset'));
  });

  it("holds fit's data set (twice with validation_split), never the generator's; prefetch holds batches ahead", () => {
    const row = (4 + 1) * 4;
    expect(estimate(tiny, 'fit', shape).resident).toBe(1000 * row);
    expect(estimate({ ...tiny, validationSplit: 0.2 }, 'fit', shape).resident).toBe(2 * 1000 * row);
    expect(estimate(tiny, 'fitDataset', shape).resident).toBe(0);
    const ahead = estimate({ ...tiny, prefetch: 3 }, 'fitDataset', shape).total - estimate(tiny, 'fitDataset', shape).total;
    expect(ahead).toBe(3 * 10 * row);
  });
});

describe('estimate against the measured peak', () => {
  const grid: Partial<RunConfig>[] = [
    { optimizer: 'adam', hidden: [64, 64] },
    { optimizer: 'sgd', dataset: 'circles', hidden: [64, 64], batchSize: 512, samples: 2048 },
    { optimizer: 'rmsprop', features: 32, hidden: [128], batchSize: 64 },
    { optimizer: 'adagrad', dataset: 'iris', hidden: [16] },
    { optimizer: 'sgd', dataset: 'mnist', samples: 1000, hidden: [32], batchSize: 128 },
    { optimizer: 'adam', dataset: 'mnist', model: 'cnn', samples: 1000, hidden: [16], batchSize: 64, modes: ['fit', 'loop'] },
    { optimizer: 'sgd', hidden: [64], batchSize: 256, validationSplit: 0.25, prefetch: 2, feed: 'pipeline' },
    { optimizer: 'sgd', hidden: [32], batchSize: 128, genYields: 'samples', modes: ['fitDataset'] },
  ];

  it.each(grid.map((overrides) => [JSON.stringify(overrides), overrides] as const))(
    'within 1.5× both ways: %s',
    async (_, overrides) => {
      const config = smallConfig({ epochs: 1, ...overrides });
      const prepared = await prepareRun(config, { assets: nodeAssets() }, 'cpu');
      prepared.test = { samples: 0, x: new Float32Array(0), y: new Float32Array(0) };
      for (const mode of prepared.config.modes) {
        let batches = 0;
        const signal = { stopped: false };
        const s = await runMode(tf, 'cpu', mode, prepared, { signal, onBatch: () => void (++batches >= 2 && (signal.stopped = true)) });
        const ratio = s.estimatedPeakBytes / s.peakBytes;
        expect(ratio, `${mode}: estimated ${s.estimatedPeakBytes}, measured ${s.peakBytes}`).toBeGreaterThan(1 / 1.5);
        expect(ratio, `${mode}: estimated ${s.estimatedPeakBytes}, measured ${s.peakBytes}`).toBeLessThan(1.5);
      }
    },
    30_000,
  );
});

describe('host limits', () => {
  // The link that killed a browser worker: ?modes=fit,fitDataset&samples=1000000&features=1024&batch=64&backend=wasm
  const million = regression(1_000_000, 1024);
  const bigRun = (overrides: Partial<RunConfig> = {}) =>
    smallConfig({ samples: 1_000_000, features: 1024, batchSize: 64, epochs: 1, hidden: [64, 64], ...overrides });
  const guard = (config: RunConfig, mode: ModeName, backend: BackendName, limits = BROWSER_WORKER_LIMITS, shape = million) =>
    guardMode(config, mode, shape, describeArchitecture(config, shape), backend, limits);

  it('refuses fit of 1M × 1024 in a browser worker, naming the copies and the limit, while the streaming generator runs', () => {
    const fit = guard(bigRun(), 'fit', 'wasm');
    expect(fit).toMatch(
      /^fit refused: it would hold the 1,000,000 × 1,024 data set twice \([\d.]+ GB: JS arrays, wasm memory\), and one array of 3\.8\d GB is over a browser worker's ArrayBuffer limit of 2\.00 GB$/,
    );
    expect(guard(bigRun({ source: 'compute' }), 'fitDataset', 'wasm')).toBeNull();
  });

  it('says why a generator reading from memory is refused too, and how to stream instead', () => {
    expect(guard(bigRun({ source: 'memory' }), 'fitDataset', 'wasm')).toMatch(
      /^fitDataset refused: it would hold .* data set once \(.*JS arrays\), and one array .*; source=compute streams it instead$/,
    );
  });

  it("lets Node run what its larger ArrayBuffer limit and wasm's 4 GiB hold, and refuses past them", () => {
    expect(guard(bigRun(), 'fit', 'wasm', NODE_HOST_LIMITS)).toBeNull();
    // A budget above wasm's default one, so the host's own ceiling is what refuses.
    const bigger = regression(1_100_000, 1024);
    expect(
      guard(
        bigRun({ samples: 1_100_000, budgetMb: 100_000 }),
        'fit',
        'wasm',
        hostLimits(NODE_HOST_LIMITS, { maxArrayBufferBytes: 2 ** 53 }),
        bigger,
      ),
    ).toMatch(/the wasm backend's memory would need 4\.2\d GB, over the wasm32 ceiling of 4\.00 GB$/);
  });

  it("refuses a tensor larger than the WebGPU device's binding limit", () => {
    const shape = regression(200_000, 1024); // 780 MB of inputs
    const limits = hostLimits(BROWSER_WORKER_LIMITS, { gpuMaxBufferBytes: 1024 ** 3, gpuMaxBindingBytes: 128 * 1024 ** 2 });
    const config = bigRun({ samples: 200_000, source: 'compute' });
    expect(guard(config, 'fit', 'webgpu', limits, shape)).toMatch(
      /GPU buffers\), and one tensor of 781\.3 MB is over the GPU's maxStorageBufferBindingSize of 128\.0 MB$/,
    );
    expect(guard(config, 'fitDataset', 'webgpu', limits, shape)).toBeNull();
  });

  it("checks the JS side against a known heap limit (on cpu the backend's tensors are JS arrays too)", () => {
    const shape = regression(100_000, 256);
    const config = bigRun({ samples: 100_000, features: 256 });
    const limits = hostLimits(NODE_HOST_LIMITS, { jsHeapBytes: 64 * 1024 ** 2 });
    expect(guard(config, 'fit', 'cpu', limits, shape)).toMatch(
      /^fit refused: it would hold the 100,000 × 256 data set once \(98\.\d MB: JS arrays\), and the JS side would hold [\d.]+ MB, over this Node process's heap limit of 64\.0 MB$/,
    );
    expect(guard({ ...config, source: 'compute' }, 'fitDataset', 'cpu', limits, shape)).toBeNull();
  });

  it('keeps the defaults where a reading is missing or not a positive number', () => {
    const limits = hostLimits(
      BROWSER_WORKER_LIMITS,
      { maxArrayBufferBytes: Number.NaN, jsHeapBytes: -1, gpuMaxBufferBytes: 2 ** 30 },
      'Chrome 130 worker',
    );
    expect(limits).toEqual({ ...BROWSER_WORKER_LIMITS, gpuMaxBufferBytes: 2 ** 30, source: 'Chrome 130 worker' });
  });

  it('checks only the budget when no limits are passed (the existing callers)', () => {
    const config = bigRun();
    const arch = describeArchitecture(config, million);
    expect(guardMessage(config, 'fit', 'wasm', estimatePeakBytes(config, 'fit', million, arch))).toBeNull();
    expect(guardMessage({ ...config, budgetMb: 100 }, 'fit', 'wasm', estimatePeakBytes(config, 'fit', million, arch))).toMatch(
      /^fit refused: its estimated peak of .* exceeds the memory budget of 100\.0 MB \(budget-mb\)$/,
    );
  });
});
