// The `leak` teaching toggle: with it on, the hand loop keeps every batch's loss tensor, so the tensor count
// climbs one per batch and the summary reports the leak; off (the default) the count stays flat.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/shared/config';
import { combinationProblems } from '../../src/shared/config-rules';
import { run, smallConfig, tf, useCpu } from './helpers';

beforeAll(useCpu);

describe('leak toggle', () => {
  it('is off by default', () => {
    expect(DEFAULT_CONFIG.leak).toBe(false);
  });

  it('on: the loop keeps one loss tensor per batch, and the run reports them as leaked', async () => {
    const config = smallConfig({ modes: ['loop'], samples: 256, batchSize: 32, epochs: 2, leak: true }); // 16 batches
    const before = tf.memory().numTensors;
    const { result, metrics } = await run(config);
    const counts = metrics.map((m) => m.numTensors);
    expect(counts).toHaveLength(16);
    // One more live tensor after every batch.
    for (let i = 1; i < counts.length; i++) expect(counts[i] - counts[i - 1]).toBe(1);
    expect(result.summaries[0].leakedTensors).toBe(16);
    // What leaked stays leaked: that is the point of the toggle.
    expect(tf.memory().numTensors - before).toBe(16);
  });

  it('off: the count stays flat and nothing leaks', async () => {
    const config = smallConfig({ modes: ['loop'], samples: 256, batchSize: 32, epochs: 2 });
    const before = tf.memory().numTensors;
    const { result, metrics } = await run(config);
    const counts = metrics.map((m) => m.numTensors);
    expect(new Set(counts).size).toBe(1);
    expect(result.summaries[0].leakedTensors).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('only the loop reads it; other modes stay flat with it on, and the rules say so without loop', async () => {
    const { result } = await run(smallConfig({ modes: ['fit', 'trainOnBatch'], samples: 128, epochs: 1, leak: true }));
    for (const s of result.summaries) expect(s.leakedTensors).toBe(0);
    expect(combinationProblems(smallConfig({ modes: ['fit'], leak: true })).join()).toMatch(/leak applies to the loop/);
    expect(combinationProblems(smallConfig({ modes: ['loop'], leak: true }))).toEqual([]);
  });
});
