// Runs in the page (pure). The traces of every kept run as the charts need them: label, colour, the cached
// display series for the current view settings, per-epoch validation and the resident data-set bytes.
import { DATASETS } from '../../shared/datasets';
import type { ModeName } from '../../shared/config';
import type { ViewSettings } from '../../shared/view-settings';
import { traceLabel } from './labels';
import type { RunRecord, ValidationPoint } from './run-book';
import { cachedTraceSeries, type TraceSeries } from './trace-series';

export interface TraceView {
  key: string;
  runId: number;
  mode: ModeName;
  label: string;
  /** "fit", or "fit (run 2)" when several runs are kept. */
  shortLabel: string;
  color: string;
  dash: string | undefined;
  classification: boolean;
  series: TraceSeries;
  validation: readonly ValidationPoint[];
  /** Backend bytes holding the data set, once the mode's summary is in; NaN before. */
  residentBytes: number;
}

export function traceViews(runs: readonly RunRecord[], settings: Pick<ViewSettings, 'xAxis' | 'logScale' | 'smoothing'>): TraceView[] {
  const several = runs.length > 1;
  return runs.flatMap((run) => {
    const lossColumn = run.config.lossView === 'keras' ? 'meanLoss' : 'loss';
    const task = DATASETS[run.config.dataset]?.task ?? null;
    return run.traces
      .filter((t) => t.buffer.batches > 0 || run.summary(t.mode))
      .map((t) => ({
        key: t.key,
        runId: run.id,
        mode: t.mode,
        label: traceLabel(run, t.mode, several),
        shortLabel: several ? `${t.mode} (run ${run.id})` : t.mode,
        color: t.color,
        dash: t.dash,
        // A CSV file decides its task: a finite accuracy says classification.
        classification: task === 'classification' || (task === null && t.validation.some((v) => Number.isFinite(v.valAccuracy))),
        series: cachedTraceSeries(t.buffer, lossColumn, settings),
        validation: t.validation,
        residentBytes: run.summary(t.mode)?.residentBytes ?? NaN,
      }));
  });
}
