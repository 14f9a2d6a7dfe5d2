// Runs in the page. Backend memory per batch end: bytes held by live tensors (the GPU pool pale behind, where
// there is one), the data set's resident bytes marked, the tensor count, and the page's own JS heap.
import { useMemo } from 'react';
import type { PanelProps } from './chart-types';
import { memoryLines, residentMarks, tensorLines } from '../chart-data/chart-lines';

import { usePaced } from '../hooks/use-paced';
import { formatBytes, formatInt } from '../format';
import { usePageHeap } from '../hooks/use-page-heap';
import { X_AXIS_SPECS } from './axis';
import { TraceChart } from './TraceChart';

function PageHeapLine() {
  const heap = usePageHeap();
  return (
    <p className="muted small-print" data-testid="page-heap">
      Page JS heap (main thread, not the worker):{' '}
      {heap ? `${formatBytes(heap.used)} used of ${formatBytes(heap.total)} (limit ${formatBytes(heap.limit)}), from performance.memory` : 'not available in this browser'}
    </p>
  );
}

export function MemoryPanel({ traces, settings, live, xPlan }: PanelProps) {
  // New data through the chart pacer: the series are built (lazily) only when these charts are due to redraw.
  const paced = usePaced(traces);
  const lines = useMemo(() => memoryLines(paced), [paced]);
  const fresh = residentMarks(paced);
  // Marks change only when a summary arrives: keep the array while they read the same.
  const marksKey = fresh.map((m) => `${m.key}=${m.y}:${m.label}`).join('|');
  const marks = useMemo(() => fresh, [marksKey]);
  const tensors = useMemo(() => tensorLines(paced), [paced]);
  const x = X_AXIS_SPECS[settings.xAxis];
  return (
    <>
      <TraceChart
        live={live}
        xPlan={xPlan}
        id="memory"
        title="Memory in use"
        description={`tf.memory() at each batch end against ${x.words}: bytes held by live tensors; the GPU pool (allocated, in use or free for reuse) drawn pale where the backend has one. Dotted lines mark the bytes that hold the data set itself. The true peak, inside the step, is in the table.`}
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
