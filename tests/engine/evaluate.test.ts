// Runs in Node. The loss over a whole set is computed in chunks; a slow pass must still let the event loop
// turn (the page's pings and a stop request arrive as messages), as training does.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../src/engine/architecture';
import type { DataShape, RowReader } from '../../src/engine/data/types';
import { evaluateWeights } from '../../src/engine/evaluate';
import { initialWeights } from '../../src/engine/weights';
import { tf, useCpu } from './helpers';

beforeAll(useCpu);

describe('evaluate', () => {
  it('gives the event loop a turn between chunks of a slow pass, and still averages over every row', async () => {
    const shape: DataShape = { samples: 3 * 4096, features: 1, outputs: 1, task: 'regression' };
    const arch = describeArchitecture({ hidden: [4], model: 'mlp' }, shape);
    // Each chunk takes 60 ms to read (longer than the 50 ms between turns), with targets all 0.
    const slowReader: RowReader = {
      read: async (start, end) => {
        const until = performance.now() + 60;
        while (performance.now() < until);
        return { x: new Float32Array(end - start).fill(1), y: new Float32Array(end - start) };
      },
    };
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    const slow = await evaluateWeights(tf, arch, initialWeights(1, arch), slowReader, shape, shape.samples);
    clearInterval(tick);
    expect(turns).toBeGreaterThanOrEqual(1);

    // The same rows read at once give the same loss: the turns change nothing in the result.
    const fastReader: RowReader = {
      read: async (start, end) => ({ x: new Float32Array(end - start).fill(1), y: new Float32Array(end - start) }),
    };
    const fast = await evaluateWeights(tf, arch, initialWeights(1, arch), fastReader, shape, shape.samples);
    expect(slow.loss).toBeCloseTo(fast.loss, 6);
    expect(Number.isNaN(slow.accuracy)).toBe(true);
  });
});
