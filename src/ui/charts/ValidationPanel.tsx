// Runs in the page. Validation at each epoch's end: accuracy for classification sets, loss for every set.
import { validationLines } from '../chart-data/chart-lines';
import type { TraceView } from '../chart-data/trace-views';
import { formatInt, formatSig } from '../format';
import { useKeyedValue } from '../hooks/use-keyed-value';
import { formatSigPercent } from './axis';
import { TraceChart } from './TraceChart';

export function ValidationPanel({ traces, live }: { traces: readonly TraceView[]; live: boolean }) {
  // The points change once per epoch, the trace views at every results render: the lines are rebuilt only when
  // a trace, its label or its epoch count changes, so the charts keep the same lines in between.
  const key = traces.map((t) => `${t.key}:${t.label}:${t.classification}:${t.validation.length}`).join('|');
  const { accuracy, loss } = useKeyedValue(key, () => ({
    accuracy: validationLines(traces, 'accuracy'),
    loss: validationLines(traces, 'loss'),
  }));
  const anyAccuracy = accuracy.some((l) => l.points.length > 0);
  return (
    <>
      {anyAccuracy && (
        <TraceChart
          live={live}
          id="val-accuracy"
          title="Validation accuracy per epoch"
          description="Accuracy on the held-out validation rows, checked after each epoch (classification data sets)."
          lines={accuracy}
          xLabel="epoch"
          formatX={formatInt}
          formatY={formatSigPercent}
          height={200}
          empty="No epoch has ended yet."
        />
      )}
      <TraceChart
        live={live}
        id="val-loss"
        title="Validation loss per epoch"
        description="Loss on the held-out validation rows, checked after each epoch (its time is not counted in any batch)."
        lines={loss}
        xLabel="epoch"
        formatX={formatInt}
        formatY={formatSig}
        height={200}
        empty="No epoch has ended yet."
      />
    </>
  );
}
