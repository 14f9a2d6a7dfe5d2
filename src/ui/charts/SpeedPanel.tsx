// Runs in the page. Speed: samples per second over time (each point the rate over a window of batches), and the
// time per batch (the summary table's median, live before it) with how the batch times spread.
import { useMemo } from 'react';
import type { PanelProps } from './chart-types';
import { batchTimeRows } from '../chart-data/batch-time-rows';
import { speedLines } from '../chart-data/chart-lines';
import { SPEED_POINTS } from '../chart-data/trace-series';
import { formatCompact, X_AXIS_SPECS } from './axis';
import { TimeSplitChart } from './TimeSplitChart';
import { TraceChart } from './TraceChart';

export function SpeedPanel({ traces, snapshot, settings, live, xPlan }: PanelProps) {
  const lines = useMemo(() => speedLines(traces), [traces]);
  // Summaries come with events, live medians with the rows: every publish is a new snapshot.
  const rows = useMemo(() => batchTimeRows(snapshot.events.runs), [snapshot]);
  const x = X_AXIS_SPECS[settings.xAxis];
  return (
    <>
      <TraceChart
        live={live}
        xPlan={xPlan}
        id="speed"
        title="Samples per second"
        description={`Training throughput against ${x.words}: each point is the rate over one of up to ${SPEED_POINTS} equal windows (of at least 10 batches) of the mode’s batches.`}
        lines={lines}
        xLabel={x.label}
        formatX={x.format}
        formatY={formatCompact}
        fromZero
      />
      <TimeSplitChart rows={rows} />
    </>
  );
}
