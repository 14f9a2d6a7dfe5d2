// The observer claim, in behaviour (timing is scripts/observer-bench.ts's job): streaming on or off trains
// the same thing (identical per-batch losses), off really leaves memory unread and allocation unhooked, and the
// loss reader's synchronous path on CPU-memory backends gives exactly what the awaited path gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type RunHooks } from '../../src/engine/run';
import { LossReader } from '../../src/engine/loss-reader';
import type { Tf } from '../../src/engine/tf';
import { MODE_NAMES } from '../../src/shared/config';
import type { BatchMetric } from '../../src/shared/metrics';
import { rowToMetric } from '../../src/shared/metric-row';
import { smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

async function streamed(streaming: boolean): Promise<BatchMetric[]> {
  const metrics: BatchMetric[] = [];
  const hooks: RunHooks = {
    signal: { stopped: false },
    onBatch: (row) => metrics.push(rowToMetric(row)),
    ...(streaming ? {} : { sampleMemory: false, trackPeak: false }),
  };
  await runExperiment(tf, smallConfig({ samples: 128, epochs: 2 }), 'cpu', hooks);
  return metrics;
}

describe('streaming on and off', () => {
  it('train the same thing: every mode gives the same per-batch losses', async () => {
    const on = await streamed(true);
    const off = await streamed(false);
    for (const mode of MODE_NAMES) {
      const lossesOn = on.filter((m) => m.mode === mode).map((m) => m.loss);
      expect(lossesOn).toHaveLength(8);
      expect(lossesOn.every(Number.isFinite)).toBe(true);
      expect(off.filter((m) => m.mode === mode).map((m) => m.loss)).toEqual(lossesOn);
    }
  });

  it('off reads no memory and hooks no allocation; on does both', async () => {
    const on = await streamed(true);
    const off = await streamed(false);
    expect(on.every((m) => m.numTensors! > 0 && m.stepPeakBytes! > 0)).toBe(true);
    for (const m of off) {
      expect(m.numTensors ?? NaN).toBeNaN();
      expect(m.stepPeakBytes ?? NaN).toBeNaN();
    }
  });
});

describe('LossReader reads', () => {
  /** The same tfjs, but reporting a backend whose tensors are not in CPU memory: reads must be awaited there. */
  const asIfOnGpu = { ...tf, getBackend: () => 'webgl' } as unknown as Tf;

  /** Batch losses 2, 4, 6 with 1, 3 and 2 samples, taken one after the other. */
  async function readings(reader: LossReader): Promise<{ sync: boolean[]; loss: number[]; mean: number[] }> {
    const out = { sync: [] as boolean[], loss: [] as number[], mean: [] as number[] };
    for (const [i, [value, size]] of [
      [2, 1],
      [4, 3],
      [6, 2],
    ].entries()) {
      const scalar = tf.scalar(value);
      const taken = reader.takeTensor(0, i, scalar, size);
      out.sync.push(!(taken instanceof Promise));
      const reading = await taken;
      out.loss.push(reading.loss);
      out.mean.push(reading.meanLoss);
      scalar.dispose();
    }
    return out;
  }

  it('synchronously on the cpu backend, asynchronously elsewhere, with the same values', async () => {
    const cpu = await readings(new LossReader(tf, 'every', 'batch', 3));
    const gpu = await readings(new LossReader(asIfOnGpu, 'every', 'batch', 3));
    expect(cpu.sync).toEqual([true, true, true]);
    expect(gpu.sync).toEqual([false, false, false]);
    expect(cpu.loss).toEqual([2, 4, 6]);
    // Sample-weighted running means: 2/1, (2 + 12)/4, (2 + 12 + 12)/6.
    expect(cpu.mean).toEqual([2, 3.5, 26 / 6]);
    expect(gpu).toEqual({ ...cpu, sync: gpu.sync });
  });

  it('keeps the Keras running mean on the device between reads, on both paths, without leaking', async () => {
    const before = tf.memory().numTensors;
    for (const reader of [new LossReader(tf, 'epoch', 'keras', 3), new LossReader(asIfOnGpu, 'epoch', 'keras', 3)]) {
      const { loss, mean } = await readings(reader);
      // Read once, at the epoch's last batch: that batch's loss and the mean of all three.
      expect(loss.map(Number.isNaN)).toEqual([true, true, false]);
      expect(loss[2]).toBe(6);
      expect(mean[2]).toBeCloseTo(26 / 6, 6);
      expect(reader.reads).toBe(1);
      reader.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
