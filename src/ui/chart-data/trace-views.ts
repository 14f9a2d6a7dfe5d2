// Runs in the page (pure). The traces of every kept run as the charts need them: label, colour, repeat, the
// cached display series for the current view settings and per-epoch validation. Built from a rows publish of
// the run store (the buffers as they stand then); what comes from the summaries (marks, medians) is read from
// the runs' events elsewhere, so an event does not redraw the lines.
import { DATASETS } from '../../shared/datasets';
import type { ModeName } from '../../shared/config';
import type { ViewSettings } from '../../shared/view-settings';
import { shortTraceLabel, traceLabel } from './labels';
import type { RunRecord, ValidationPoint } from './run-book';
import { cachedTraceSeries, type TraceSeries } from './trace-series';

export interface TraceView {
  key: string;
  runId: number;
  mode: ModeName;
  /** 0-based repeat: the first is drawn as usual, later ones faintly in the same colour. */
  repeat: number;
  /** A reference run (shipped with the app): its lines are drawn faintly. */
  reference: boolean;
  label: string;
  /** "fit", or "fit (run 2)" when several runs are kept. */
  shortLabel: string;
  color: string;
  dash: string | undefined;
  classification: boolean;
  series: TraceSeries;
  validation: readonly ValidationPoint[];
}

export function traceViews(runs: readonly RunRecord[], settings: Pick<ViewSettings, 'xAxis' | 'logScale' | 'smoothing'>): TraceView[] {
  const several = runs.length > 1;
  return runs.flatMap((run) => {
    const lossColumn = run.config.lossView === 'keras' ? 'meanLoss' : 'loss';
    const task = DATASETS[run.config.dataset]?.task ?? null;
    return run.allTraces
      .filter((t) => t.buffer.batches > 0)
      .map((t) => ({
        key: t.key,
        runId: run.id,
        mode: t.mode,
        repeat: t.repeat,
        reference: run.origin === 'reference',
        label: traceLabel(run, t.mode, several),
        shortLabel: shortTraceLabel(run, t.mode, several),
        color: t.color,
        dash: t.dash,
        // A CSV file decides its task: a finite accuracy says classification.
        classification: task === 'classification' || (task === null && t.validation.some((v) => Number.isFinite(v.valAccuracy))),
        series: cachedTraceSeries(t.buffer, lossColumn, settings),
        validation: t.validation,
      }));
  });
}
