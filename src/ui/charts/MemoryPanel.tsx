// Runs in the page. Backend memory per batch: the highest bytes inside the step (the allocation hook) as the
// line, the batch-end reading faint beside it (the GPU pool pale behind, where there is one), the data set's
// resident bytes marked, the tensor count, and the page's own JS heap.
import { useMemo } from 'react';
import type { PanelProps } from './chart-types';
import { memoryLines, residentMarks, tensorLines } from '../chart-data/chart-lines';

import { formatBytes, formatInt } from '../format';
import { useKeyedValue } from '../hooks/use-keyed-value';
import { usePageHeap } from '../hooks/use-page-heap';
import { X_AXIS_SPECS } from './axis';
import { TraceChart } from './TraceChart';

function PageHeapLine() {
  const heap = usePageHeap();
  return (
    <p className="muted small-print" data-testid="page-heap">
      Page JS heap (main thread, not the worker):{' '}
      {heap
        ? `${formatBytes(heap.used)} used of ${formatBytes(heap.total)} (limit ${formatBytes(heap.limit)}), from performance.memory`
        : 'not available in this browser'}
    </p>
  );
}

export function MemoryPanel({ traces, snapshot, settings, live, xPlan }: PanelProps) {
  const lines = useMemo(() => memoryLines(traces), [traces]);
  // From the summaries: an event, not a rows publish.
  const { events } = snapshot;
  const fresh = useMemo(() => residentMarks(events.runs), [events]);
  // Marks change only when a summary arrives: keep the array while they read the same.
  const marksKey = fresh.map((m) => `${m.key}=${m.y}:${m.label}`).join('|');
  const marks = useKeyedValue(marksKey, () => fresh);
  const tensors = useMemo(() => tensorLines(traces), [traces]);
  const x = X_AXIS_SPECS[settings.xAxis];
  return (
    <>
      <TraceChart
        live={live}
        xPlan={xPlan}
        id="memory"
        title="Memory per batch"
        description={`Backend bytes against ${x.words}: the line is each batch's peak inside its training step (a hook on tensor allocation), the faint line beside it what tf.memory() reads at the batch's end, which misses the step's temporaries; the GPU pool (allocated, in use or free for reuse) pale where the backend has one. Dotted lines mark the bytes that hold the data set itself.`}
        lines={lines}
        references={marks}
        xLabel={x.label}
        formatX={x.format}
        formatY={formatBytes}
        fromZero
        bytes
      >
        <PageHeapLine />
      </TraceChart>
      <TraceChart
        live={live}
        xPlan={xPlan}
        id="tensors"
        title="Tensors"
        description={`Live tensors at each batch end against ${x.words}: a line that keeps climbing is a leak.`}
        lines={tensors}
        xLabel={x.label}
        formatX={x.format}
        formatY={formatInt}
        height={170}
        fromZero
      />
    </>
  );
}
