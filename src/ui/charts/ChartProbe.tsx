// Runs in the page, inside a recharts chart. Hands the chart's x scale (both ways) and plot area to the
// card around it, which turns pointer and arrow keys into an x value, and draws the hover line at that x.
import { useLayoutEffect } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';

export interface ProbeHandle {
  /** Data x at a pixel x relative to the chart's surface; null off the axis. */
  toX(px: number): number | null;
  /** Pixel x of a data x; null when the chart is not laid out. */
  toPx(x: number): number | null;
  plot: { x: number; y: number; width: number; height: number } | null;
}

/** `onLayout` receives the chart's handle after each commit (the card keeps it for its pointer and key handlers). */
export function ChartProbe({ onLayout, hoverX }: { onLayout: (handle: ProbeHandle) => void; hoverX: number | null }) {
  const scale = useXAxisScale();
  const inverse = useXAxisInverseScale();
  const plot = usePlotArea();
  useLayoutEffect(() => {
    onLayout({
      plot: plot ? { x: plot.x, y: plot.y, width: plot.width, height: plot.height } : null,
      toX: (px) => {
        const v = inverse?.(px);
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      },
      toPx: (x) => scale?.(x) ?? null,
    });
  });
  if (hoverX === null || !scale || !plot) return null;
  const px = scale(hoverX);
  if (px === undefined || px < plot.x - 1 || px > plot.x + plot.width + 1) return null;
  return <line className="chart-hover-line" x1={px} x2={px} y1={plot.y} y2={plot.y + plot.height} />;
}
