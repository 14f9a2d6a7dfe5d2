// Runs in the page. Everything the runs produced, in reading order: the runs and their progress, the chart
// view settings, the charts, insights, the summary table, exports and what the data set is. The only part of
// the page that re-renders with the data while a run streams (ten times a second at most, as a transition);
// the charts inside take it one at a time through the chart pacer.
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
import { useFrame } from '../hooks/use-frame';
import type { RunView } from '../hooks/use-run';
import type { ViewSettingsControl } from '../hooks/use-view-settings';
import { Insights } from '../insights/Insights';
import { RunsPanel } from '../progress/RunsPanel';
import { SummaryTable } from '../summary-table/SummaryTable';

export interface ResultsViewProps {
  run: Pick<RunView, 'book' | 'frames' | 'remove' | 'reset'>;
  view: ViewSettingsControl;
  /** The settings on the form: the About panel describes the data set selected there. */
  config: RunConfig;
}

export function ResultsView({ run, view, config }: ResultsViewProps) {
  const frame = useFrame(run.frames);
  const runs = run.book.runs;
  const { xAxis, logScale, smoothing } = view.settings;
  // frame stands for "the book changed": its records are mutable.
  const traces = useMemo(() => traceViews(runs, { xAxis, logScale, smoothing }), [frame, runs, xAxis, logScale, smoothing]);
  const insightRun = [...runs].reverse().find((r) => r.summaries.length > 0) ?? null;
  const live = runs.some((r) => r.busy);
  // From the settings of the runs still streaming: the x axis is laid out at the Run click, not when the first
  // batches arrive. Finished runs count by the data they have (a run stopped early must not stretch the axis).
  const xPlan = livePlannedX(runs, xAxis);
  const shown = view.isShown;
  return (
    <>
      <RunsPanel runs={runs} revision={run.book.revision} onRemove={run.remove} onReset={run.reset} />
      <ViewControls view={view} />
      <div className="charts">
        {shown('loss') && (
          <div className="panel" data-panel="loss">
            <LossPanel traces={traces} settings={view.settings} live={live} xPlan={xPlan} />
          </div>
        )}
        {shown('memory') && (
          <div className="panel" data-panel="memory">
            <MemoryPanel traces={traces} settings={view.settings} live={live} xPlan={xPlan} />
          </div>
        )}
        {shown('speed') && (
          <div className="panel" data-panel="speed">
            <SpeedPanel traces={traces} settings={view.settings} live={live} xPlan={xPlan} />
          </div>
        )}
        {shown('validation') && (
          <div className="panel" data-panel="validation">
            <ValidationPanel traces={traces} live={live} />
          </div>
        )}
      </div>
      {shown('insights') && <Insights run={insightRun} summaries={insightRun?.summaries} />}
      {shown('table') && <SummaryTable runs={runs} revision={run.book.revision} />}
      <ExportMenu runs={runs} dropped={droppedBatches(runs)} />
      {shown('about') && <AboutData dataset={config.dataset} features={config.features} />}
    </>
  );
}
