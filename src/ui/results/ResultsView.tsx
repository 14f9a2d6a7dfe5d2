// Runs in the page. Everything the runs produced, in reading order: the runs and their progress, the answer
// first (the insights' verdict lines), the chart view settings, the charts, the summary table, exports and
// what the data set is. It reads the run store (hooks/use-run-store.ts): the charts redraw with each rows
// publish (a few times a second while a run streams), everything else with the runs' events.
import { useMemo } from 'react';
import type { RunConfig } from '../../shared/config';
import { AboutData } from '../about-data/AboutData';
import { traceViews } from '../chart-data/trace-views';
import { livePlannedX } from '../progress/progress-math';
import { LossPanel } from '../charts/LossPanel';
import { MemoryPanel } from '../charts/MemoryPanel';
import { SpeedPanel } from '../charts/SpeedPanel';
import { ValidationPanel } from '../charts/ValidationPanel';
import { ViewControls } from '../charts/ViewControls';
import { droppedBatches, ExportMenu } from '../export/ExportMenu';
import { LazyImportPanel } from '../import/LazyImportPanel';
import type { RunView } from '../hooks/use-run';
import { useRunSnapshot } from '../hooks/use-run-store';
import type { ViewSettingsControl } from '../hooks/use-view-settings';
import { Insights } from '../insights/Insights';
import { RunsPanel } from '../progress/RunsPanel';
import { SummaryTable } from '../summary-table/SummaryTable';

export interface ResultsViewProps {
  run: Pick<RunView, 'store' | 'remove' | 'reset'>;
  view: ViewSettingsControl;
  /** The settings on the form: the About panel describes the data set selected there. */
  config: RunConfig;
}

export function ResultsView({ run, view, config }: ResultsViewProps) {
  const snapshot = useRunSnapshot(run.store);
  const { events, data } = snapshot;
  const { runs, revision, live } = events;
  const { xAxis, logScale, smoothing } = view.settings;
  // One view of the buffers per rows publish (data): the records are mutable, the publish is not.
  const traces = useMemo(() => traceViews(data.runs, { xAxis, logScale, smoothing }), [data, xAxis, logScale, smoothing]);
  // A record's summaries change with an event: a new events object, the key for what is read from the records.
  const insightRun = useMemo(() => [...events.runs].reverse().find((r) => r.summaries.length > 0) ?? null, [events]);
  // From the settings of the runs still streaming: the x axis is laid out at the Run click, not when the first
  // batches arrive. Finished runs count by the data they have (a run stopped early must not stretch the axis).
  const xPlan = livePlannedX(runs, xAxis);
  const shown = view.isShown;
  const panel = { traces, snapshot, settings: view.settings, live, xPlan };
  return (
    <>
      <RunsPanel runs={runs} revision={revision} onRemove={run.remove} onReset={run.reset} />
      {shown('insights') && <Insights run={insightRun} summaries={insightRun?.summaries} />}
      <ViewControls view={view} />
      <div className="charts">
        {shown('loss') && (
          <div className="panel" data-panel="loss">
            <LossPanel {...panel} />
          </div>
        )}
        {shown('memory') && (
          <div className="panel" data-panel="memory">
            <MemoryPanel {...panel} />
          </div>
        )}
        {shown('speed') && (
          <div className="panel" data-panel="speed">
            <SpeedPanel {...panel} />
          </div>
        )}
        {shown('validation') && (
          <div className="panel" data-panel="validation">
            <ValidationPanel traces={traces} live={live} />
          </div>
        )}
      </div>
      {shown('table') && <SummaryTable runs={runs} revision={revision} />}
      <ExportMenu runs={runs} dropped={droppedBatches(runs)} />
      <LazyImportPanel book={run.store.book} />
      {shown('about') && <AboutData dataset={config.dataset} features={config.features} />}
    </>
  );
}
