// Runs in Node. The Keras runner's per-mode results as fitscope's ModeSummary (the same estimators as the
// engine's: src/engine/timing.ts), plus what only Keras runs have: the engine's name and process memory.
// Tensor-level fields (peak tensor bytes, tensor counts, leaks, the guard's estimate) have no Keras
// measurement and stay NaN (null in JSON): process RSS is a different quantity and is reported apart.
import { median } from '../../engine/stats';
import { compareModes, runNoise, timingFields } from '../../engine/timing';
import type { ModeName, RunConfig } from '../../shared/config';
import type { Comparison, ModeSummary, RunNoise } from '../../shared/metrics';

/** One mode as the runner prints it (scripts/keras/fitscope_keras.py). null stands for NaN. */
export interface KerasModeResult {
  mode: ModeName;
  fed: string;
  workers: number;
  batchMs: number[];
  dataMs: number[];
  samplesSeen: number;
  totalMs: number;
  timing: 'batch' | 'epoch';
  lossReads: number;
  initialLoss: number | null;
  finalLoss: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  rssStartBytes: number | null;
  peakRssBytes: number | null;
  /** True when the peak was reset at the mode's start (Linux clear_refs); else the process's lifetime peak. */
  peakIsModeOnly: boolean;
  threads: { intra: number; inter: number };
  versions: { keras: string; tensorflow: string; numpy: string; python: string };
}

export interface KerasModeSummary extends ModeSummary {
  engine: string;
  fed: string;
  /** Peak resident set size of the Python process over the mode (see memoryQuantity). */
  peakRssBytes: number;
  /** peakRssBytes minus the RSS at the mode's start: what the mode itself added. */
  rssGrowthBytes: number;
  memoryQuantity: string;
}

const num = (v: number | null | undefined) => (typeof v === 'number' ? v : NaN);

export function describeEngine(result: Pick<KerasModeResult, 'versions' | 'threads'>, cores: number): string {
  const { keras, tensorflow } = result.versions;
  const threads =
    result.threads.intra > 0
      ? `${result.threads.intra} thread${result.threads.intra === 1 ? '' : 's'}`
      : `TensorFlow's default threads (${cores} cores)`;
  return `Keras ${keras} / TensorFlow ${tensorflow}, native CPU, ${threads}`;
}

export function memoryQuantity(result: KerasModeResult, isolated: boolean): string {
  const scope = isolated ? "the mode's own Python process" : 'the Python process shared by the modes (memory earlier modes kept is in it)';
  const since = result.peakIsModeOnly
    ? 'peak since the mode started (VmHWM reset)'
    : 'peak over the process lifetime (VmHWM could not be reset)';
  return `process RSS of ${scope}, ${since}; not tensor bytes`;
}

/**
 * One mode's summary over its repeats (`results`, in the order they ran), as the engine merges repeats: the
 * timing from every repeat, losses from the first (every repeat starts from the same weights and data), the
 * process memory at its highest.
 */
export function toSummary(
  config: RunConfig,
  samples: number,
  results: readonly KerasModeResult[],
  engine: string,
  memory: string,
): KerasModeSummary {
  const result = results[0];
  const fitLike = result.mode === 'fit' || result.mode === 'fitDataset';
  const dataMs = results.flatMap((r) => r.dataMs);
  const stepMs = results.flatMap((r) => r.batchMs.map((ms, i) => ms - (fitLike ? 0 : (r.dataMs[i] ?? 0))));
  const peaks = results.map((r) => num(r.peakRssBytes));
  const peak = Math.max(...peaks);
  const growth = Math.max(...results.map((r, i) => peaks[i] - num(r.rssStartBytes)));
  return {
    mode: result.mode,
    backend: 'cpu',
    samples,
    batchSize: config.batchSize,
    epochs: config.epochs,
    batches: result.batchMs.length,
    totalMs: result.totalMs,
    ...timingFields(
      results.map((r) => r.batchMs),
      config.batchSize,
    ),
    throughputSamplesPerSec: result.totalMs > 0 ? result.samplesSeen / (result.totalMs / 1000) : NaN,
    repeats: results.length,
    repeatsPlanned: config.repeats,
    initialLoss: num(result.initialLoss),
    finalLoss: num(result.finalLoss),
    testLoss: num(result.testLoss),
    testAccuracy: num(result.testAccuracy),
    peakBytes: NaN,
    peakTensors: NaN,
    leakedTensors: NaN,
    // fit and fitDataset make their batches inside Keras (the generator on tf.data's thread): no wait to time.
    dataMsMedian: fitLike ? NaN : median(dataMs),
    stepMsMedian: median(stepMs),
    vsLoop: NaN,
    vsLoopLow: NaN,
    vsLoopHigh: NaN,
    vsLoopVerdict: null,
    vsFastest: NaN,
    vsFastestLow: NaN,
    vsFastestHigh: NaN,
    vsFastestVerdict: null,
    estimatedPeakBytes: NaN,
    residentBytes: NaN,
    batchEndPeakBytes: NaN,
    peakGpuAllocatedBytes: NaN,
    lossReads: result.lossReads,
    peakSource: 'batch-end',
    timing: result.timing,
    engine,
    fed: result.fed,
    peakRssBytes: peak,
    rssGrowthBytes: growth,
    memoryQuantity: memory,
  };
}

/** The ratios to the loop and the fastest mode, their verdicts and the noise meter, as the engine makes them. */
export function compareKerasModes(
  summaries: KerasModeSummary[],
  results: ReadonlyMap<ModeName, readonly KerasModeResult[]>,
): { comparisons: Comparison[]; noise: RunNoise } {
  const comparisons = compareModes(
    summaries,
    summaries.map((s) => ({ mode: s.mode, batchMs: (results.get(s.mode) ?? []).map((r) => r.batchMs) })),
  );
  return { comparisons, noise: runNoise(summaries, comparisons) };
}

const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : '–');

/** The memory block printed under the table: RSS is not the table's peakBytes (tensor bytes), so it is apart. */
export function memoryLines(summaries: readonly KerasModeSummary[]): string[] {
  if (summaries.length === 0) return [];
  const width = Math.max(...summaries.map((s) => s.mode.length));
  return [
    `memory: ${summaries[0].memoryQuantity}`,
    ...summaries.map(
      (s) =>
        `  ${s.mode.padEnd(width)}  peak ${mb(s.peakRssBytes).padStart(9)}  growth over the mode ${Number.isFinite(s.rssGrowthBytes) ? (s.rssGrowthBytes >= 0 ? '+' : '') : ''}${mb(s.rssGrowthBytes)}  (fed: ${s.fed})`,
    ),
  ];
}

/** JSON as bench prints it (summariesToJson's fields), plus the Keras fields; peakSource names the quantity. */
export function kerasJson(base: Record<string, unknown>[], summaries: readonly KerasModeSummary[]): Record<string, unknown>[] {
  return base.map((row, i) => {
    const s = summaries[i];
    const nullable = (v: number) => (Number.isFinite(v) ? v : null);
    return {
      ...row,
      peakSource: 'process-rss',
      engine: s.engine,
      fed: s.fed,
      peakRssBytes: nullable(s.peakRssBytes),
      rssGrowthBytes: nullable(s.rssGrowthBytes),
      memoryQuantity: s.memoryQuantity,
    };
  });
}
