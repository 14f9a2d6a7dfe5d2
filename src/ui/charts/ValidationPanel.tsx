// Runs in the page. Validation at each epoch's end: accuracy for classification sets, loss for every set.
import { useMemo } from 'react';
import { validationLines } from '../chart-data/chart-lines';
import type { TraceView } from '../chart-data/trace-views';
import { usePaced } from '../hooks/use-paced';
import { formatInt, formatSig } from '../format';
import { formatPercent } from './axis';
import { TraceChart } from './TraceChart';

const formatEpoch = (v: number) => formatInt(v);
const formatLoss = (v: number) => formatSig(v);

export function ValidationPanel({ traces, live }: { traces: readonly TraceView[]; live: boolean }) {
  // Through the chart pacer like the other panels: new lines (if unchanged points) at every results render
  // would redraw both charts ten times a second.
  const paced = usePaced(traces);
  const accuracy = useMemo(() => validationLines(paced, 'accuracy'), [paced]);
  const loss = useMemo(() => validationLines(paced, 'loss'), [paced]);
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
          formatX={formatEpoch}
          formatY={formatPercent}
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
        formatX={formatEpoch}
        formatY={formatLoss}
        height={200}
        empty="No epoch has ended yet."
      />
    </>
  );
}
