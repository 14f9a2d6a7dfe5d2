// Runs in the page. The loss of every trace against the chosen x, smoothed as TensorBoard does (the raw values
// faint behind), on a linear or log scale; later repeats of a mode faintly in its colour.
import { useMemo } from 'react';
import type { PanelProps } from './chart-types';
import { lossLines } from '../chart-data/chart-lines';
import { formatSig } from '../format';
import { X_AXIS_SPECS } from './axis';
import { TraceChart } from './TraceChart';

export function LossPanel({ traces, settings, live, xPlan }: PanelProps) {
  // traces change with each rows publish of the run store; the series are built (lazily) here.
  const lines = useMemo(() => lossLines(traces), [traces]);
  const x = X_AXIS_SPECS[settings.xAxis];
  const smoothing =
    settings.smoothing > 0
      ? `smoothed (debiased moving average, weight ${settings.smoothing}) over the raw values drawn faintly`
      : 'as measured';
  return (
    <TraceChart
      live={live}
      xPlan={xPlan}
      id="loss"
      title="Loss"
      description={`Each batch's loss (or Keras' running mean, where the run chose it) against ${x.words}, ${smoothing}${settings.logScale ? ', on a log scale' : ''}. Batches whose loss was not read back leave no point. With repeats, each repeat restarts at batch 1; later repeats are drawn faintly in their mode’s colour.`}
      lines={lines}
      xLabel={x.label}
      formatX={x.format}
      formatY={formatSig}
      logY={settings.logScale}
      // Losses here are never negative: a linear axis from zero is set by the first batch and holds while the
      // loss falls (one from the data's lowest value moved down, and redrew the chart, again and again).
      fromZero
    />
  );
}
