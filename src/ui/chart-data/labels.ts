// Runs in the page (pure). Names for runs and traces in legends, the table and exports: mode, backend, data set
// and size, plus the run's number once more than one run is kept.
import type { ModeName } from '../../shared/config';
import { formatInt } from '../format';
import { effectiveSamples } from '../progress/progress-math';
import type { RunRecord } from './run-book';

/** What actually ran (read back from the worker), else what was asked for. */
export function runBackend(run: RunRecord): string {
  return run.backend?.active ?? run.summaries[0]?.backend ?? run.config.backend;
}

export function runSamples(run: RunRecord): number {
  return run.summaries.find((s) => !s.refused)?.samples ?? effectiveSamples(run.config) ?? run.config.samples;
}

/** "wasm · teacher · 4,096 samples" */
export function runSetup(run: RunRecord): string {
  return `${runBackend(run)} · ${run.config.dataset} · ${formatInt(runSamples(run))} samples`;
}

/**
 * "fit · wasm · teacher · 4,096 samples", with " (run 2)" when several runs are kept and " · reference" or " ·
 * imported" for runs from elsewhere.
 */
export function traceLabel(run: RunRecord, mode: ModeName, several: boolean): string {
  return `${mode} · ${runSetup(run)}${run.origin === 'live' ? '' : ` · ${run.origin}`}${several ? ` (run ${run.id})` : ''}`;
}

/** "fit", or "fit (run 2)" when several runs are kept. */
export function shortTraceLabel(run: RunRecord, mode: ModeName, several: boolean): string {
  return several ? `${mode} (run ${run.id})` : mode;
}
