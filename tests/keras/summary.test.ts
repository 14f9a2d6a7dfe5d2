// The Keras runner's summaries without Python: a mode's repeats merge as the engine merges them (the interval
// from the repeats, losses from the first, memory at its highest), and the ratios pair repeat r with repeat r.
import { describe, expect, it } from 'vitest';
import { compareKerasModes, toSummary, type KerasModeResult } from '../../src/cli/keras/summary';
import { DEFAULT_CONFIG, cloneConfig, type ModeName, type RunConfig } from '../../src/shared/config';

const config: RunConfig = { ...cloneConfig(DEFAULT_CONFIG as RunConfig), modes: ['fit', 'loop'], repeats: 3, batchSize: 32 };

/** One repeat of a mode: 64 batches around `ms`, with a little spread so the median is well defined. */
function result(mode: ModeName, ms: number, repeat: number): KerasModeResult {
  return {
    mode,
    fed: 'arrays',
    workers: 2,
    batchMs: Array.from({ length: 64 }, (_, i) => ms * (1 + 0.01 * Math.sin(i + repeat))),
    dataMs: mode === 'loop' ? Array.from({ length: 64 }, () => 0.1) : [],
    samplesSeen: 2048,
    totalMs: 64 * ms,
    timing: 'batch',
    lossReads: 64,
    initialLoss: 2 + repeat,
    finalLoss: 0.1 + repeat,
    testLoss: 0.2,
    testAccuracy: null,
    rssStartBytes: 100e6,
    peakRssBytes: (120 + 10 * repeat) * 1e6,
    peakIsModeOnly: true,
    threads: { intra: 1, inter: 1 },
    versions: { keras: '3.15.1', tensorflow: '2.21.0', numpy: '2', python: '3.11' },
  };
}

describe('Keras summaries over repeats', () => {
  const fit = [1.2, 1.25, 1.22].map((ms, r) => result('fit', ms, r));
  const loop = [1.0, 1.04, 1.01].map((ms, r) => result('loop', ms, r));
  const summaries = [toSummary(config, 4096, fit, 'Keras', 'rss'), toSummary(config, 4096, loop, 'Keras', 'rss')];

  it('takes its interval from the repeats, its losses from the first and its memory at the highest', () => {
    const [s] = summaries;
    expect(s).toMatchObject({ repeats: 3, repeatsPlanned: 3, intervalBasis: 'repeats', initialLoss: 2, finalLoss: 0.1 });
    expect(s.msPerBatchLow).toBeLessThan(1.2);
    expect(s.msPerBatchHigh).toBeGreaterThan(1.25);
    expect(s.msPerBatchMedian).toBeGreaterThan(1.2);
    expect(s.msPerBatchMedian).toBeLessThan(1.25);
    expect(s.peakRssBytes).toBe(140e6);
    expect(s.rssGrowthBytes).toBe(40e6);
    // The loop's step time leaves out the wait for data, batch by batch.
    expect(summaries[1].stepMsMedian).toBeCloseTo(summaries[1].msPerBatchMedian - 0.1, 1);
  });

  it('judges fit against the loop over the paired repeats', () => {
    const { comparisons } = compareKerasModes(
      summaries,
      new Map([
        ['fit', fit],
        ['loop', loop],
      ]),
    );
    const vsLoop = comparisons.find((c) => c.mode === 'fit' && c.against === 'loop');
    expect(vsLoop).toMatchObject({ basis: 'repeats', n: 3, verdict: 'different' });
    expect(vsLoop!.low).toBeGreaterThan(1.15);
    expect(vsLoop!.high).toBeLessThan(1.25);
  });

  it('keeps one repeat as one run: the interval from its batches', () => {
    const one = toSummary({ ...config, repeats: 1 }, 4096, [fit[0]], 'Keras', 'rss');
    expect(one).toMatchObject({ repeats: 1, repeatsPlanned: 1, intervalBasis: 'batches', peakRssBytes: 120e6, rssGrowthBytes: 20e6 });
  });
});
