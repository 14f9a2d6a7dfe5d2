// Runs in the page. Speed: samples per second over time (each point the rate over a window of batches) and
// where each batch's time goes.
import { useMemo } from 'react';
import type { PanelProps } from './chart-types';
import { speedLines, timeSplits } from '../chart-data/chart-lines';
import { SPEED_POINTS } from '../chart-data/trace-series';
import { usePaced } from '../hooks/use-paced';
import { formatCompact, X_AXIS_SPECS } from './axis';
import { TimeSplitChart } from './TimeSplitChart';
import { TraceChart } from './TraceChart';

export function SpeedPanel({ traces, settings, live, xPlan }: PanelProps) {
  // New data through the chart pacer: the series are built (lazily) only when these charts are due to redraw.
  const paced = usePaced(traces);
  const lines = useMemo(() => speedLines(paced), [paced]);
  const splits = useMemo(() => timeSplits(paced), [paced]);
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
      <TimeSplitChart splits={splits} />
    </>
  );
}
