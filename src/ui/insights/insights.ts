// Runs in the page (pure). A few plain sentences computed from one run's summaries and the engine's verdicts:
// time per batch with its interval and the verdict words (never a ranking the interval cannot carry), what one
// mode's memory cost against another's, how noisy the machine was, leaks, whether the losses agree, accuracy,
// and how far batch-end sampling and the memory
// guard's estimate were from the measured peak. Every number comes from the summaries; a sentence whose
// numbers are missing (NaN, refused modes) is left out, never filled with a guess.
import type { Comparison, KernelProbe, ModeSummary, RunNoise } from '../../shared/metrics';
import { formatBytes, formatInt, formatMs, formatPercent, formatSig, formatTimeInterval } from '../format';

export interface Insight {
  /** Stable id of the kind of sentence (for React keys and tests). */
  key: string;
  text: string;
  tone: 'info' | 'warning';
}

export const MAX_INSIGHTS = 14;

const finite = (...values: number[]) => values.every(Number.isFinite);

/** 1.31 → "1.31×", 2.46 → "2.5×", 12.2 → "12×". */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  if (r < 1.095) return `${r.toFixed(2)}×`;
  if (r < 10) return `${r.toFixed(1)}×`;
  return `${Math.round(r)}×`;
}

/** A share of something as words: "1/12 of" (half or less), else "64 % of". */
export function formatShare(r: number): string {
  if (r <= 0.5 && r > 0) return `1/${Math.round(1 / r)} of`;
  return `${Math.round(r * 100)} % of`;
}

const percent = (r: number) => `${Math.round(r * 100)} %`;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Modes that ran and have timings. */
function measured(summaries: readonly ModeSummary[]): ModeSummary[] {
  return summaries.filter((s) => !s.refused && s.batches > 0 && finite(s.msPerBatchMedian) && s.msPerBatchMedian > 0);
}

function refusals(summaries: readonly ModeSummary[]): Insight[] {
  return summaries
    .filter((s) => s.refused)
    .map((s) => ({ key: `refused-${s.mode}`, tone: 'warning' as const, text: `${s.mode} did not run: ${s.refused}` }));
}

function single(s: ModeSummary): Insight {
  const wait =
    finite(s.dataMsMedian) && s.dataMsMedian > 0 ? `, ${percent(s.dataMsMedian / s.msPerBatchMedian)} of it waiting for data` : '';
  return {
    key: 'single',
    tone: 'info',
    text: `${s.mode} trained ${formatInt(s.batches)} batches: ${timeWithInterval(s)} per batch (median of the steady batches, ${formatInt(s.warmupBatches)} warm-up left out; p95 ${formatMs(s.msPerBatchP95)}), ${formatInt(s.samplesPerSec)} samples/s at that median${wait}.`,
  };
}

/** What a run says about time beyond its summaries: the engine's verdicts and its noise meter. */
export interface RunJudgement {
  comparisons: readonly Comparison[];
  noise: RunNoise | null;
  kernelProbe?: KernelProbe | null;
}

const NO_JUDGEMENT: RunJudgement = { comparisons: [], noise: null };

const timeWithInterval = (s: ModeSummary) => formatTimeInterval(s.msPerBatchMedian, s.msPerBatchLow, s.msPerBatchHigh);

/** The answer first: every mode's time per batch with its interval, on the estimator the table uses. */
function timeLine(ok: ModeSummary[]): Insight | null {
  if (ok.length < 2) return null;
  const repeats = Math.min(...ok.map((s) => s.repeats));
  const warm = ok.reduce((n, s) => n + s.warmupBatches, 0);
  const basis = repeats > 1 ? `geometric mean of ${repeats} repeats' medians, 95 % CI` : 'median of the steady batches, 95 % CI';
  const parts = ok.map((s) => `${s.mode} ${timeWithInterval(s)}`);
  return { key: 'time', tone: 'info', text: `Time per batch (${basis}; ${formatInt(warm)} warm-up batches left out): ${list(parts)}.` };
}

/** The verdicts: against the loop, and against the fastest mode where that is not the loop. */
function verdictLines(judgement: RunJudgement): Insight[] {
  return judgement.comparisons.map((c) => ({
    key: `verdict-${c.mode}-${c.other}`,
    tone: 'info' as const,
    text:
      c.verdict === 'different'
        ? `${c.text}.`
        : `${c.mode} against ${c.other}${c.against === 'fastest' ? ' (the fastest)' : ''}: ${c.text}.`,
  }));
}

function runToRunNote(ok: ModeSummary[]): Insight | null {
  if (ok.length < 2 || ok.some((s) => s.repeats > 1)) return null;
  return {
    key: 'one-run',
    tone: 'info',
    text: 'One run per mode: these intervals come from its batches and cannot see run-to-run noise; set Repeats to 5 to judge between runs.',
  };
}

function incomplete(ok: ModeSummary[]): Insight | null {
  const cut = ok.find((s) => s.repeats < s.repeatsPlanned);
  return cut
    ? { key: 'incomplete', tone: 'warning', text: `Stopped early: the numbers cover ${cut.repeats} of ${cut.repeatsPlanned} repeats.` }
    : null;
}

/** Below this speedup the tuned kernels are not worth a sentence. */
const TUNED_WORTH = 1.3;

function tunedKernels(probe: KernelProbe | null | undefined): Insight | null {
  if (!probe || !finite(probe.stockMs, probe.tunedMs) || !(probe.tunedMs > 0)) return null;
  const speedup = probe.stockMs / probe.tunedMs;
  if (speedup < TUNED_WORTH) return null;
  return {
    key: 'kernels',
    tone: 'info',
    text: `On wasm, transposed matrix products dominate this model's step: kernels=tuned ran it ${formatRatio(speedup)} faster here (${formatMs(probe.stockMs)} against ${formatMs(probe.tunedMs)} per step, a side run of ${probe.steps} steps after the modes). Set wasm kernels to tuned to measure the modes with them.`,
  };
}

function noiseLine(noise: RunNoise | null): Insight | null {
  if (!noise?.warning) return null;
  return { key: 'noise', tone: 'warning', text: noise.warning };
}

/** The extra time of `slow` over `fast` that went to waiting for data, 0…1; NaN when not separable. */
function waitShare(slow: ModeSummary, fast: ModeSummary): number {
  const extra = slow.msPerBatchMedian - fast.msPerBatchMedian;
  if (!(extra > 0) || !Number.isFinite(slow.dataMsMedian)) return NaN;
  // fit slices its batches inside the step: it waits for no data (its dataMs is NaN by design).
  const base = Number.isFinite(fast.dataMsMedian) ? fast.dataMsMedian : 0;
  return Math.min(1, Math.max(0, (slow.dataMsMedian - base) / extra));
}

function memoryPairs(ok: ModeSummary[], judgement: RunJudgement): Insight[] {
  const withPeak = ok.filter((s) => finite(s.peakBytes) && s.peakBytes > 0);
  if (withPeak.length < 2) return [];
  const heaviest = withPeak.reduce((a, b) => (b.peakBytes > a.peakBytes ? b : a));
  const lighter = withPeak.filter((s) => s !== heaviest && s.peakBytes <= heaviest.peakBytes * 0.8);
  if (lighter.length === 0) {
    const low = Math.min(...withPeak.map((s) => s.peakBytes));
    return [
      {
        key: 'memory-same',
        tone: 'info',
        text: `All modes peaked within ${percent(1 - low / heaviest.peakBytes)} of each other in memory (${formatBytes(low)}–${formatBytes(heaviest.peakBytes)}).`,
      },
    ];
  }
  // Modes that saved the same share read as one sentence (their speeds are in the ranking); a mode alone
  // gets the whole comparison, pace and where its extra time went.
  const groups = new Map<string, ModeSummary[]>();
  for (const s of lighter) {
    const share = `${formatShare(s.peakBytes / heaviest.peakBytes)}|${formatBytes(s.peakBytes)}`;
    groups.set(share, [...(groups.get(share) ?? []), s]);
  }
  return [...groups.values()].slice(0, 3).map((group) => {
    const s = group[0];
    const share = `${formatShare(s.peakBytes / heaviest.peakBytes)} ${heaviest.mode}'s memory at ${formatInt(s.samples)} samples (${formatBytes(s.peakBytes)} against ${formatBytes(heaviest.peakBytes)} at the peak)`;
    if (group.length > 1) {
      return {
        key: `memory-${group.map((g) => g.mode).join('-')}`,
        tone: 'info' as const,
        text: `${list(group.map((g) => g.mode))} each used ${share}.`,
      };
    }
    // Pace only where the verdicts found a difference: a raw ratio inside the noise is no finding.
    const found = judgement.comparisons.find(
      (c) =>
        c.verdict === 'different' && ((c.mode === s.mode && c.other === heaviest.mode) || (c.mode === heaviest.mode && c.other === s.mode)),
    );
    const speed = s.msPerBatchMedian / heaviest.msPerBatchMedian;
    let pace = '';
    if (found && speed > 1) {
      const waited = waitShare(s, heaviest);
      const where = Number.isFinite(waited)
        ? waited >= 0.1
          ? `, ${percent(waited)} of its extra time waiting for data`
          : ', its extra time in the training step rather than waiting for data'
        : '';
      pace = ` and ran ${formatRatio(speed)} slower${where}`;
    } else if (found) {
      pace = ` and ran ${formatRatio(1 / speed)} faster`;
    }
    return { key: `memory-${s.mode}`, tone: 'info' as const, text: `${s.mode} used ${share}${pace}.` };
  });
}

function dataWaits(ok: ModeSummary[]): Insight | null {
  const waiting = ok
    .filter((s) => finite(s.dataMsMedian) && s.dataMsMedian / s.msPerBatchMedian >= 0.2)
    .map(
      (s) => `${s.mode} ${percent(s.dataMsMedian / s.msPerBatchMedian)} (${formatMs(s.dataMsMedian)} of ${formatMs(s.msPerBatchMedian)})`,
    );
  if (waiting.length === 0) return null;
  return { key: 'data-wait', tone: 'info', text: `Waiting for data took a large part of each batch (median): ${list(waiting)}.` };
}

function leaks(ok: ModeSummary[]): Insight | null {
  const leaky = ok.filter((s) => finite(s.leakedTensors) && s.leakedTensors !== 0);
  if (leaky.length === 0)
    return ok.length
      ? {
          key: 'no-leaks',
          tone: 'info',
          text: `No mode leaked tensors: ${ok.length === 1 ? 'it' : `all ${ok.length}`} ended with the tensor count ${ok.length === 1 ? 'it' : 'they'} started with.`,
        }
      : null;
  const parts = leaky.map(
    (s) =>
      `${s.mode} ${s.leakedTensors > 0 ? `left ${formatInt(s.leakedTensors)} tensor${s.leakedTensors === 1 ? '' : 's'} behind` : `freed ${formatInt(-s.leakedTensors)} more than it made`}`,
  );
  return { key: 'leaks', tone: 'warning', text: `Tensor leak: ${list(parts)}.` };
}

function lossAgreement(ok: ModeSummary[]): Insight | null {
  const losses = ok.filter((s) => finite(s.finalLoss));
  if (losses.length < 2) return null;
  const lo = losses.reduce((a, b) => (b.finalLoss < a.finalLoss ? b : a));
  const hi = losses.reduce((a, b) => (b.finalLoss > a.finalLoss ? b : a));
  const spread = Math.abs(hi.finalLoss - lo.finalLoss) / Math.max(Math.abs(lo.finalLoss), Number.MIN_VALUE);
  if (spread <= 0.02)
    return {
      key: 'loss-agree',
      tone: 'info',
      text: `All ${losses.length} modes ended at the same loss within ${spread < 0.001 ? '0.1 %' : percent(spread)} (${formatSig(lo.finalLoss, 4)}): the same data, weights and batch order.`,
    };
  return {
    key: 'loss-differ',
    tone: 'info',
    text: `Final losses differ by ${percent(spread)}: ${lo.mode} lowest at ${formatSig(lo.finalLoss, 4)}, ${hi.mode} highest at ${formatSig(hi.finalLoss, 4)}.`,
  };
}

function accuracy(ok: ModeSummary[]): Insight | null {
  const acc = ok.filter((s) => finite(s.testAccuracy));
  if (acc.length === 0) return null;
  if (acc.length === 1)
    return { key: 'accuracy', tone: 'info', text: `Test accuracy: ${formatPercent(acc[0].testAccuracy)} (${acc[0].mode}).` };
  const best = acc.reduce((a, b) => (b.testAccuracy > a.testAccuracy ? b : a));
  const worst = acc.reduce((a, b) => (b.testAccuracy < a.testAccuracy ? b : a));
  if (best.testAccuracy === worst.testAccuracy)
    return { key: 'accuracy', tone: 'info', text: `Test accuracy was ${formatPercent(best.testAccuracy)} for every mode.` };
  return {
    key: 'accuracy',
    tone: 'info',
    text: `Test accuracy ranged from ${formatPercent(worst.testAccuracy)} (${worst.mode}) to ${formatPercent(best.testAccuracy)} (${best.mode}).`,
  };
}

function batchEndSampling(ok: ModeSummary[]): Insight | null {
  const sampled = ok.filter((s) => s.peakSource === 'allocation' && finite(s.batchEndPeakBytes, s.peakBytes) && s.peakBytes > 0);
  if (sampled.length === 0) return null;
  const worst = sampled.reduce((a, b) => (b.batchEndPeakBytes / b.peakBytes < a.batchEndPeakBytes / a.peakBytes ? b : a));
  const r = worst.batchEndPeakBytes / worst.peakBytes;
  if (r >= 0.8) return null;
  return {
    key: 'batch-end',
    tone: 'info',
    text: `Sampling memory at batch ends would under-read the peak: for ${worst.mode} it sees ${formatBytes(worst.batchEndPeakBytes)}, ${percent(r)} of the ${formatBytes(worst.peakBytes)} reached inside the step.`,
  };
}

function estimates(ok: ModeSummary[]): Insight | null {
  const both = ok.filter((s) => finite(s.estimatedPeakBytes, s.peakBytes) && s.estimatedPeakBytes > 0 && s.peakBytes > 0);
  if (both.length === 0) return null;
  const off = (s: ModeSummary) => Math.abs(Math.log(s.estimatedPeakBytes / s.peakBytes));
  const worst = both.reduce((a, b) => (off(b) > off(a) ? b : a));
  const r = worst.estimatedPeakBytes / worst.peakBytes;
  if (r >= 0.8 && r <= 1.25) {
    return {
      key: 'estimate',
      tone: 'info',
      text: `The memory guard's estimates were within ${percent(Math.abs(r - 1))} of the measured peaks${both.length > 1 ? ` for all ${both.length} modes` : ''}.`,
    };
  }
  return {
    key: 'estimate',
    tone: 'info',
    text: `The memory guard ${r > 1 ? 'over' : 'under'}estimated ${worst.mode}'s peak ${formatRatio(r > 1 ? r : 1 / r)}: ${formatBytes(worst.estimatedPeakBytes)} estimated, ${formatBytes(worst.peakBytes)} measured.`,
  };
}

/** At most MAX_INSIGHTS sentences about one run, the answer first: time with its verdicts, memory, noise. */
export function computeInsights(summaries: readonly ModeSummary[], judgement: RunJudgement = NO_JUDGEMENT): Insight[] {
  const ok = measured(summaries);
  const out: (Insight | null)[] = [...refusals(summaries), noiseLine(judgement.noise), incomplete(ok)];
  if (ok.length === 1) out.push(single(ok[0]));
  out.push(
    timeLine(ok),
    ...verdictLines(judgement),
    runToRunNote(ok),
    tunedKernels(judgement.kernelProbe),
    ...memoryPairs(ok, judgement),
    dataWaits(ok),
  );
  const leak = leaks(ok);
  if (leak?.tone === 'warning') out.push(leak);
  out.push(lossAgreement(ok), accuracy(ok), batchEndSampling(ok), estimates(ok));
  if (leak?.tone === 'info') out.push(leak);
  return out.filter((i): i is Insight => i !== null).slice(0, MAX_INSIGHTS);
}
