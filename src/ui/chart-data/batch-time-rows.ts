// Runs in the page (pure). Time per batch for the Speed panel, per mode of every kept run: the same number the
// summary table shows (the engine's msPerBatchMedian: the steady-state median after the warm-up), with its
// distribution (box plot numbers and a log histogram of the steady batches) and the warm-up batches left out.
// Before a mode's summary exists, the same statistics of the batches received so far, marked live. Never a mean:
// one stalled batch moves a mean, and the table would disagree.
import type { ModeName } from '../../shared/config';
import type { ModeSummary } from '../../shared/metrics';
import { boxPlot, logHistogram, steadyStats, type BoxPlot, type LogHistogram } from '../../shared/stats';
import { shortTraceLabel } from './labels';
import type { RunRecord, Trace } from './run-book';

/** Bins of a live histogram (the engine's summaries bring their own). */
export const LIVE_HISTOGRAM_BINS = 24;
/** A live median reads at most this many of the latest batches: the warm-up lies in the first 50 anyway. */
export const LIVE_WINDOW = 16_384;

export interface BatchTimeRow {
  key: string;
  runId: number;
  mode: ModeName;
  label: string;
  color: string;
  /** The time per batch shown, ms: the summary's msPerBatchMedian, or the live median. */
  medianMs: number;
  /** Median wait for data per batch, ms (summary only); NaN where not separable (fit) or not known yet. */
  dataMs: number;
  /** No summary yet: the numbers are from the batches received so far. */
  live: boolean;
  box: BoxPlot | null;
  histogram: LogHistogram | null;
  warmupBatches: number;
  steadyBatches: number;
  /** The summary's repeats ("median of 3 repeats' medians"); 1 for live rows. */
  repeats: number;
}

/** Live statistics of a trace's batch times: cached per trace until more batches arrive. */
const liveCache = new WeakMap<Trace, { count: number; row: LiveStats }>();

interface LiveStats {
  median: number;
  box: BoxPlot | null;
  histogram: LogHistogram | null;
  warmup: number;
  steady: number;
}

export function liveStats(trace: Trace): LiveStats {
  const hit = liveCache.get(trace);
  if (hit && hit.count === trace.times.count) return hit.row;
  const all = Array.from(trace.times.values()).filter((v) => Number.isFinite(v) && v >= 0);
  // A long series: its warm-up (at most 50 batches) is long past, so the latest window is all steady.
  const windowed = all.length > LIVE_WINDOW;
  const stats = windowed ? null : steadyStats(all);
  const steady = windowed ? all.slice(-LIVE_WINDOW) : all.slice(stats!.warmup);
  const row: LiveStats = {
    median: windowed ? boxPlot(steady).p50 : stats!.median,
    box: steady.length ? boxPlot(steady) : null,
    histogram: steady.length ? logHistogram(steady, LIVE_HISTOGRAM_BINS) : null,
    warmup: windowed ? NaN : stats!.warmup,
    steady: steady.length,
  };
  liveCache.set(trace, { count: trace.times.count, row });
  return row;
}

function fromSummary(summary: ModeSummary) {
  return {
    medianMs: summary.msPerBatchMedian,
    dataMs: summary.dataMsMedian,
    live: false,
    box: summary.msBox,
    histogram: summary.msHistogram,
    warmupBatches: summary.warmupBatches,
    steadyBatches: summary.steadyBatches,
    repeats: summary.repeats,
  };
}

/** The row of one mode of a run; null while it has neither a summary with a time nor batches. */
function modeRow(run: RunRecord, first: Trace, several: boolean): BatchTimeRow | null {
  const summary = run.summary(first.mode);
  const base = { key: first.key, runId: run.id, mode: first.mode, label: shortTraceLabel(run, first.mode, several), color: first.color };
  if (summary && !summary.refused && Number.isFinite(summary.msPerBatchMedian)) return { ...base, ...fromSummary(summary) };
  if (summary?.refused) return null;
  // Live: the repeat streaming now (the latest one with batches).
  const streaming = [...run.modeTraces(first.mode)].reverse().find((t) => t.times.count > 0);
  if (!streaming) return null;
  const s = liveStats(streaming);
  if (!Number.isFinite(s.median)) return null;
  return {
    ...base,
    medianMs: s.median,
    dataMs: NaN,
    live: true,
    box: s.box,
    histogram: s.histogram,
    warmupBatches: s.warmup,
    steadyBatches: s.steady,
    repeats: 1,
  };
}

export function batchTimeRows(runs: readonly RunRecord[]): BatchTimeRow[] {
  const several = runs.length > 1;
  return runs.flatMap((run) => run.traces.map((t) => modeRow(run, t, several)).filter((r): r is BatchTimeRow => r !== null));
}
