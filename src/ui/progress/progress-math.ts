// Runs in the page (pure). How far a run has come: batches done and expected per mode, elapsed time and an
// estimate of the time left from the batch times measured so far. The expected count is the engine's own
// arithmetic (shared/training-plan.ts); where the page cannot know it (a CSV file's length) it says so with
// null rather than guess.
import type { ModeName, RunConfig } from '../../shared/config';
import { DATASETS } from '../../shared/datasets';
import { batchCount, clampSamples, trainingRows } from '../../shared/training-plan';
import type { XAxisKind } from '../../shared/view-settings';
import type { RunRecord } from '../chart-data/run-book';

/** How often a busy run's progress is shown: redrawn in the runs panel, posted to a page that embeds this one. */
export const PROGRESS_INTERVAL_MS = 250;

/** The sample count a run will use: the request, clamped to what the data set offers. null when unknowable. */
export function effectiveSamples(config: Pick<RunConfig, 'dataset' | 'samples'>): number | null {
  const info = DATASETS[config.dataset];
  if (!info || info.maxSamples >= Number.MAX_SAFE_INTEGER) return null;
  return clampSamples(info, config.samples);
}

/** Batches each mode will run (every mode gets the same count), or null when the page cannot know. */
export function expectedBatches(
  config: Pick<RunConfig, 'dataset' | 'samples' | 'batchSize' | 'epochs' | 'validationSplit'>,
): number | null {
  const rows = epochRows(config);
  return rows === null ? null : batchCount(rows, Math.max(1, config.batchSize)) * config.epochs;
}

/** The rows an epoch trains on: fit's validation split takes its share off the top. */
function epochRows(config: Pick<RunConfig, 'dataset' | 'samples' | 'validationSplit'>): number | null {
  const samples = effectiveSamples(config);
  return samples === null ? null : trainingRows(samples, config.validationSplit);
}

/**
 * Where each mode's trace will end on the x axis: its planned batches, or the samples it will consume. null for
 * wall time, and where the page cannot know the data's size. A streaming chart sizes its x axis to this once
 * instead of growing it (each change of axis redraws the chart's frame).
 */
export function plannedX(
  config: Pick<RunConfig, 'dataset' | 'samples' | 'batchSize' | 'epochs' | 'validationSplit'>,
  axis: XAxisKind,
): number | null {
  if (axis === 'time') return null;
  if (axis === 'batch') return expectedBatches(config);
  const rows = epochRows(config);
  return rows === null ? null : rows * config.epochs;
}

/**
 * The furthest planned x of the kept runs (plannedX); NaN when there is none or any run's is unknown (the
 * axis then grows with the data). Known from the settings alone, so the axis is drawn at the Run click, before
 * the first batch.
 */
export function furthestPlannedX(configs: readonly RunConfig[], axis: XAxisKind): number {
  let far = NaN;
  for (const config of configs) {
    const x = plannedX(config, axis);
    if (x === null) return NaN;
    far = Number.isFinite(far) ? Math.max(far, x) : x;
  }
  return far;
}

/**
 * Where a live chart's x axis ends: the furthest plan of the runs still streaming. Finished runs count by the
 * data they have (the chart's extent): a run stopped early must not stretch the axis for the next one.
 */
export function livePlannedX(runs: readonly Pick<RunRecord, 'busy' | 'config'>[], axis: XAxisKind): number {
  return furthestPlannedX(
    runs.filter((r) => r.busy).map((r) => r.config),
    axis,
  );
}

export type ModeState = 'waiting' | 'running' | 'done' | 'refused' | 'stopped';

export interface ModeProgress {
  mode: ModeName;
  state: ModeState;
  done: number;
  /** null when unknown. */
  expected: number | null;
}

export interface RunProgress {
  modes: ModeProgress[];
  done: number;
  expected: number | null;
  /** 0…1, or null when the total is unknown. */
  fraction: number | null;
  elapsedMs: number;
  /** Estimated time left; null when there is nothing to go on yet, 0 when finished. */
  etaMs: number | null;
}

/** Whether a mode's summary is its last: a final one, or the per-repeat one of the last planned repeat. */
function finalSummary(run: RunRecord, mode: ModeName): boolean {
  const summary = run.summary(mode);
  if (!summary) return false;
  return summary.refused !== undefined || summary.repeat === undefined || summary.repeat >= Math.max(1, run.config.repeats ?? 1) - 1;
}

export function runProgress(run: RunRecord, now: number): RunProgress {
  const repeats = Math.max(1, run.config.repeats ?? 1);
  const perRepeat = expectedBatches(run.config);
  const planned = perRepeat === null ? null : perRepeat * repeats;
  const finished = !run.busy;
  let current: ModeName | null = null;
  if (!finished) {
    // The mode streaming now: the one whose rows came last, unless its repeat has just been summarised.
    const last = run.lastTrace;
    const summary = last ? run.summary(last.mode) : undefined;
    const ended = last && (finalSummary(run, last.mode) || (summary?.repeat !== undefined && summary.repeat >= last.repeat));
    current = last && !ended ? last.mode : null;
  }
  const modes = run.traces.map((t): ModeProgress => {
    const summary = run.summary(t.mode);
    const done = run.modeSteps(t.mode);
    if (summary?.refused) return { mode: t.mode, state: 'refused', done: 0, expected: 0 };
    if (summary && finalSummary(run, t.mode)) {
      // The summary's count (rows may still be on their way), or what arrived where that is more (a stopped repeat).
      const summarised = summary.batches * (summary.repeat === undefined ? Math.max(1, summary.repeats) : summary.repeat + 1);
      return { mode: t.mode, state: 'done', done: Math.max(summarised, done), expected: null };
    }
    if (finished) return { mode: t.mode, state: 'stopped', done, expected: done };
    return { mode: t.mode, state: t.mode === current ? 'running' : 'waiting', done, expected: planned };
  });
  // A finished mode's expected count is what it did.
  for (const m of modes) if (m.state === 'done') m.expected = m.done;
  const done = modes.reduce((sum, m) => sum + m.done, 0);
  const unknown = modes.some((m) => m.expected === null);
  const expected = unknown ? null : modes.reduce((sum, m) => sum + (m.expected ?? 0), 0);
  const elapsedMs = (run.endedAt ?? now) - run.startedAt;
  let etaMs: number | null = finished ? 0 : null;
  if (!finished && expected !== null) {
    // Time per batch: the streaming trace's so far, else the average over every trace with batches.
    const active = run.lastTrace && current !== null ? run.lastTrace : null;
    const all = run.allTraces.filter((t) => t.step > 0);
    const allMs = all.reduce((sum, t) => sum + t.timeMs, 0);
    const allSteps = all.reduce((sum, t) => sum + t.step, 0);
    const perBatch = active && active.step > 0 ? active.timeMs / active.step : allSteps > 0 ? allMs / allSteps : NaN;
    if (Number.isFinite(perBatch)) etaMs = Math.max(0, expected - done) * perBatch;
  }
  return { modes, done, expected, fraction: expected ? Math.min(1, done / expected) : expected === 0 ? 1 : null, elapsedMs, etaMs };
}

/** "1:05", "12 s", "1 h 02 min": short durations for a progress line. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}:${String(s % 60).padStart(2, '0')} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
