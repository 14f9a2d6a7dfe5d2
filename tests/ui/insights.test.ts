// Runs in Node. Insight sentences from hand-made summaries: every number traced to its input, nothing made up.
import { describe, expect, it } from 'vitest';
import { computeInsights, formatRatio, formatShare, MAX_INSIGHTS } from '../../src/ui/insights/insights';
import type { Comparison } from '../../src/shared/metrics';
import { summary } from './fixtures';

function comparison(
  mode: Comparison['mode'],
  other: Comparison['other'],
  estimate: number,
  low: number,
  high: number,
  verdict: Comparison['verdict'],
  text: string,
): Comparison {
  return {
    mode,
    other,
    against: other === 'loop' ? 'loop' : 'fastest',
    estimate,
    low,
    high,
    level: 0.95,
    basis: 'batches',
    n: 100,
    verdict,
    text,
  };
}

const byKey = (items: ReturnType<typeof computeInsights>) => Object.fromEntries(items.map((i) => [i.key, i.text]));

describe('computeInsights', () => {
  it('says nothing about nothing', () => {
    expect(computeInsights([])).toEqual([]);
  });

  it('compares memory, and speed only where the verdict found a difference, saying where the extra time went', () => {
    const fit = summary('fit', { peakBytes: 12_000_000, msPerBatchMedian: 1, dataMsMedian: NaN });
    const gen = summary('fitDataset', { peakBytes: 1_000_000, msPerBatchMedian: 1.3, dataMsMedian: 0.24 });
    const slower = comparison(
      'fitDataset',
      'fit',
      1.3,
      1.25,
      1.36,
      'different',
      'fitDataset takes 1.3× as long as fit (95 % CI 1.25–1.36)',
    );
    const text = byKey(computeInsights([fit, gen], { comparisons: [slower], noise: null }));
    expect(text['memory-fitDataset']).toBe(
      "fitDataset used 1/12 of fit's memory at 100,000 samples (976.6 kB against 11.4 MB at the peak) and ran 1.3× slower, 80 % of its extra time waiting for data.",
    );
    expect(text['verdict-fitDataset-fit']).toBe('fitDataset takes 1.3× as long as fit (95 % CI 1.25–1.36).');
    expect(text.time).toBe(
      'Time per batch (median of the steady batches, 95 % CI; 2 warm-up batches left out): fit 1 ms (0.98–1.02) and fitDataset 1.3 ms (0.98–1.02).',
    );
    // The same raw ratio inside an inconclusive interval is no finding: no pace, no ranking.
    const unsure = comparison('fitDataset', 'fit', 1.3, 0.9, 1.8, 'inconclusive', 'inconclusive: add repeats');
    const vague = byKey(computeInsights([fit, gen], { comparisons: [unsure], noise: null }));
    expect(vague['memory-fitDataset']).toBe(
      "fitDataset used 1/12 of fit's memory at 100,000 samples (976.6 kB against 11.4 MB at the peak).",
    );
    expect(vague['verdict-fitDataset-fit']).toBe('fitDataset against fit (the fastest): inconclusive: add repeats.');
    expect(Object.values(vague).join(' ')).not.toMatch(/slower|faster|was fastest/);
  });

  it('says when tuned wasm kernels would matter, from the side run, and not when they would not', () => {
    const two = [summary('fit'), summary('loop')];
    const said = byKey(computeInsights(two, { comparisons: [], noise: null, kernelProbe: { stockMs: 290, tunedMs: 68, steps: 3 } }));
    expect(said.kernels).toBe(
      "On wasm, transposed matrix products dominate this model's step: kernels=tuned ran it 4.3× faster here (290 ms against 68 ms per step, a side run of 3 steps after the modes). Set wasm kernels to tuned to measure the modes with them.",
    );
    expect(
      byKey(computeInsights(two, { comparisons: [], noise: null, kernelProbe: { stockMs: 1.1, tunedMs: 1, steps: 8 } })).kernels,
    ).toBeUndefined();
  });

  it('puts a noise warning and an incomplete run first, and says one run cannot see run-to-run noise', () => {
    const a = summary('fit', { repeats: 2, repeatsPlanned: 5 });
    const b = summary('loop', { repeats: 2, repeatsPlanned: 5 });
    const items = computeInsights([a, b], {
      comparisons: [],
      noise: { value: 0.2, basis: 'repeats', mode: 'fit', warning: 'fit: varied by 20 % between repeats' },
    });
    expect(items.slice(0, 2).map((i) => [i.key, i.tone])).toEqual([
      ['noise', 'warning'],
      ['incomplete', 'warning'],
    ]);
    expect(byKey(items).incomplete).toBe('Stopped early: the numbers cover 2 of 5 repeats.');
    expect(byKey(items)['one-run']).toBeUndefined();
    expect(byKey(computeInsights([summary('fit'), summary('loop')]))['one-run']).toMatch(/^One run per mode/);
  });

  it('handles a single mode with one plain sentence and no comparisons', () => {
    const items = computeInsights([summary('loop', { dataMsMedian: 0.25, msPerBatchMedian: 1 })]);
    const text = byKey(items);
    expect(text.single).toBe(
      'loop trained 3,125 batches: 1 ms (0.98–1.02) per batch (median of the steady batches, 1 warm-up left out; p95 1.4 ms), 32,000 samples/s at that median, 25 % of it waiting for data.',
    );
    expect(text.time).toBeUndefined();
    expect(text['loss-agree']).toBeUndefined();
    expect(text['no-leaks']).toMatch(/^No mode leaked tensors: it ended/);
  });

  it('reports refused modes and leaves them out of every comparison', () => {
    const refused = summary('fit', {
      refused: 'estimated peak 1.2 GB is over the 512 MB budget',
      batches: 0,
      msPerBatchMedian: NaN,
      peakBytes: NaN,
      estimatedPeakBytes: 1.2e9,
    });
    const items = computeInsights([refused, summary('loop')]);
    expect(items[0]).toEqual({
      key: 'refused-fit',
      tone: 'warning',
      text: 'fit did not run: estimated peak 1.2 GB is over the 512 MB budget',
    });
    expect(items.some((i) => i.key === 'single' && i.text.startsWith('loop'))).toBe(true);
    expect(items.filter((i) => i.text.includes('fit') && i.key !== 'refused-fit')).toEqual([]);
  });

  it('skips sentences whose numbers are NaN', () => {
    const nan = {
      msPerBatchMedian: NaN,
      peakBytes: NaN,
      finalLoss: NaN,
      estimatedPeakBytes: NaN,
      batchEndPeakBytes: NaN,
      leakedTensors: NaN,
    };
    expect(computeInsights([summary('fit', nan), summary('loop', nan)])).toEqual([]);
    const partial = computeInsights([summary('fit', { finalLoss: NaN, peakBytes: NaN }), summary('loop', { msPerBatchMedian: 2 })]);
    const keys = partial.map((i) => i.key);
    expect(keys).toContain('time');
    expect(keys).not.toContain('loss-agree');
    expect(keys.some((k) => k.startsWith('memory'))).toBe(false);
    // A dash standing alone is a missing number; between two numbers it is an interval.
    for (const i of partial) expect(i.text).not.toMatch(/NaN|undefined|(^|\s)–(\s|$)/);
  });

  it("says the verdicts against the loop in the engine's words, and flags leaks", () => {
    const items = computeInsights(
      [
        summary('fit', { msPerBatchMedian: 1.31 }),
        summary('trainOnBatch', { msPerBatchMedian: 1.1, leakedTensors: 3 }),
        summary('loop', { msPerBatchMedian: 1 }),
      ],
      {
        comparisons: [
          comparison('fit', 'loop', 1.31, 1.28, 1.34, 'different', 'fit takes 1.31× as long as loop (95 % CI 1.28–1.34)'),
          comparison('trainOnBatch', 'loop', 1.01, 0.99, 1.02, 'equivalent', 'no measurable difference (within ±3 %)'),
        ],
        noise: null,
      },
    );
    const text = byKey(items);
    expect(text['verdict-fit-loop']).toBe('fit takes 1.31× as long as loop (95 % CI 1.28–1.34).');
    expect(text['verdict-trainOnBatch-loop']).toBe('trainOnBatch against loop: no measurable difference (within ±3 %).');
    expect(text.leaks).toBe('Tensor leak: trainOnBatch left 3 tensors behind.');
    expect(items.find((i) => i.key === 'leaks')?.tone).toBe('warning');
  });

  it('tells agreeing losses from differing ones, and reports accuracy where classification', () => {
    const agree = byKey(
      computeInsights([summary('fit', { finalLoss: 0.1, testAccuracy: 0.91 }), summary('loop', { finalLoss: 0.1001, testAccuracy: 0.92 })]),
    );
    expect(agree['loss-agree']).toBe('All 2 modes ended at the same loss within 0.1 % (0.1): the same data, weights and batch order.');
    expect(agree.accuracy).toBe('Test accuracy ranged from 91.0 % (fit) to 92.0 % (loop).');
    const differ = byKey(computeInsights([summary('fit', { finalLoss: 0.1 }), summary('loop', { finalLoss: 0.2 })]));
    expect(differ['loss-differ']).toBe('Final losses differ by 100 %: fit lowest at 0.1, loop highest at 0.2.');
    expect(differ.accuracy).toBeUndefined();
  });

  it('measures batch-end sampling and the guard against the true peak', () => {
    const text = byKey(
      computeInsights([summary('fit', { peakBytes: 4_000_000, batchEndPeakBytes: 1_000_000, estimatedPeakBytes: 10_000_000 })]),
    );
    expect(text['batch-end']).toBe(
      'Sampling memory at batch ends would under-read the peak: for fit it sees 976.6 kB, 25 % of the 3.8 MB reached inside the step.',
    );
    expect(text.estimate).toBe("The memory guard overestimated fit's peak 2.5×: 9.5 MB estimated, 3.8 MB measured.");
  });

  it('stays short', () => {
    const many = ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const;
    const items = computeInsights(
      many.map((m, i) =>
        summary(m, {
          peakBytes: 1e6 * (i + 1) ** 3,
          msPerBatchMedian: 1 + i / 3,
          dataMsMedian: 0.5,
          leakedTensors: i,
          testAccuracy: 0.5 + i / 10,
        }),
      ),
    );
    expect(items.length).toBeLessThanOrEqual(MAX_INSIGHTS);
  });
});

describe('ratio words', () => {
  it('formats ratios and shares', () => {
    expect(formatRatio(1.0449)).toBe('1.04×');
    expect(formatRatio(2.46)).toBe('2.5×');
    expect(formatRatio(12.2)).toBe('12×');
    expect(formatShare(1 / 12)).toBe('1/12 of');
    expect(formatShare(0.64)).toBe('64 % of');
  });
});

describe('memory sentences', () => {
  it('joins modes that saved the same share into one sentence', () => {
    const items = computeInsights([
      summary('fit', { peakBytes: 1_000_000 }),
      summary('fitDataset', { peakBytes: 450_000, msPerBatchMedian: 0.8 }),
      summary('loop', { peakBytes: 450_000, msPerBatchMedian: 0.5 }),
    ]);
    expect(items.find((i) => i.key === 'memory-fitDataset-loop')?.text).toBe(
      "fitDataset and loop each used 1/2 of fit's memory at 100,000 samples (439.5 kB against 976.6 kB at the peak).",
    );
  });
});
