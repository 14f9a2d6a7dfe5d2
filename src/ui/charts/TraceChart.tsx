// Runs in the page. One chart card: a line per trace (downsampled before it gets here), optional reference
// marks, its own legend, a hover readout with every trace's value at the pointer's (or arrow keys') x, and a
// PNG download. recharts lays out the axes, grid and reference lines on domains and ticks computed here;
// TraceLines draws the traces (no recharts <Line>, no animation). New data goes through the chart pacer, so
// a streaming run redraws a couple of charts per frame rather than all of them at once. The chart stays
// mounted while empty: mounting every chart at a run's first batch was itself a long task.
import { memo, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { extent, linearTicks, logTicks, type AxisScale } from '../chart-data/axis-ticks';
import { usePaced } from '../hooks/use-paced';
import { ChartLegend } from './ChartLegend';
import { ChartProbe, type ProbeHandle } from './ChartProbe';
import { legendOf, type ChartLine, type ReferenceMark } from './chart-types';
import { HoverReadout } from './HoverReadout';
import { plainTick } from './plain-tick';
import { PngButton } from './PngButton';
import { LinesContext, TraceLines } from './TraceLines';
import { useChartHover } from './use-chart-hover';

export interface TraceChartProps {
  id: string;
  title: string;
  description: ReactNode;
  lines: readonly ChartLine[];
  /** Horizontal marks; pass the same array while they do not change. */
  references?: readonly ReferenceMark[];
  /** Names the x axis in the readout ("batch", "samples", "time"). */
  xLabel: string;
  formatX(value: number): string;
  formatY(value: number): string;
  logY?: boolean;
  /** Start the y axis at zero (a flat memory line would otherwise get one repeated tick). */
  fromZero?: boolean;
  height?: number;
  /** Shown over the empty chart. */
  empty?: string;
  children?: ReactNode;
}

const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const NO_MARKS: readonly ReferenceMark[] = [];

/** The same object while its ticks read the same, so recharts sees no change. */
function useStable(scale: AxisScale): AxisScale {
  const key = scale.ticks.join();
  return useMemo(() => scale, [key]);
}

/**
 * Axis domains and ticks for the drawn lines (and reference marks). Domains snap to whole tick steps, so as a
 * run streams they change only now and then; between those changes recharts' own parts do not re-render.
 */
function useScales(lines: readonly ChartLine[], references: readonly ReferenceMark[], logY: boolean, fromZero: boolean): { x: AxisScale; y: AxisScale } {
  const xs = extent(lines.map((l) => l.points), 'x');
  const ys = extent(lines.map((l) => l.points), 'y', references.map((r) => r.y), logY);
  const xHi = xs ? xs[1] : 1;
  const yLo = ys ? ys[0] : 0;
  const yHi = ys ? ys[1] : 1;
  const x = useStable(linearTicks(0, xHi, 5, Number.isInteger(xHi)));
  const y = useStable(logY ? logTicks(yLo, yHi) : linearTicks(fromZero ? Math.min(0, yLo) : yLo, yHi, 5));
  return { x, y };
}

interface PlotProps {
  references: readonly ReferenceMark[];
  x: AxisScale;
  y: AxisScale;
  logY: boolean;
  height: number;
  formatX(value: number): string;
  formatY(value: number): string;
  probe: RefObject<ProbeHandle | null>;
  hoverX: number | null;
}

/**
 * The recharts part: re-renders only when the scales, marks or the hover line change. The lines reach
 * TraceLines through context, so new points redraw the paths and nothing else.
 */
const Plot = memo(function Plot({ references, x, y, logY, height, formatX, formatY, probe, hoverX }: PlotProps) {
  // interval={0}: the ticks are few and chosen here, so recharts need not measure labels for overlap.
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" domain={x.domain} ticks={x.ticks} interval={0} allowDataOverflow tick={plainTick(formatX)} />
        <YAxis type="number" width={68} tick={plainTick(formatY)} scale={logY ? 'log' : 'linear'} domain={y.domain} ticks={y.ticks} interval={0} allowDataOverflow />
        {references.map((r) => (
          <ReferenceLine key={r.key} y={r.y} stroke={r.color} strokeDasharray="2 4" strokeWidth={1.5} label={{ value: r.label, position: 'insideTopLeft', className: 'chart-ref-label' }} />
        ))}
        <TraceLines />
        <ChartProbe handle={probe} hoverX={hoverX} />
      </LineChart>
    </ResponsiveContainer>
  );
});

export const TraceChart = memo(function TraceChart(props: TraceChartProps) {
  const { id, title, description, xLabel, formatX, formatY, logY = false, fromZero = false, height = 240, empty = 'No batches yet.', children } = props;
  const figure = useRef<HTMLElement>(null);
  const hover = useChartHover();
  const lines = usePaced(props.lines);
  const references = props.references ?? NO_MARKS;
  const drawn = useMemo(() => lines.filter((l) => l.points.length > 0), [lines]);
  const legend = useMemo(() => legendOf(drawn), [drawn]);
  const scales = useScales(drawn, references, logY, fromZero);
  const plot = hover.probe.current?.plot;
  const px = hover.x !== null ? (hover.probe.current?.toPx(hover.x) ?? null) : null;
  const isEmpty = drawn.length === 0;
  return (
    <figure ref={figure} className="card chart" data-testid={`${id}-chart`} data-points={drawn.reduce((n, l) => n + l.points.length, 0)} aria-labelledby={`${id}-title`}>
      <figcaption className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <PngButton figure={figure} title={title} legend={legend} name={id} disabled={isEmpty} />
        <p id={`${id}-desc`} className="muted chart-desc">
          {description}
        </p>
      </figcaption>
      <div
        className="chart-plot"
        tabIndex={isEmpty ? -1 : 0}
        role="group"
        aria-label={`${title}: arrow keys read the values along the x axis`}
        aria-describedby={`${id}-desc`}
        onPointerMove={hover.onPointerMove}
        onPointerLeave={hover.onPointerLeave}
        onKeyDown={hover.onKeyDown}
        onBlur={hover.onBlur}
      >
        <LinesContext.Provider value={drawn}>
          <Plot references={references} x={scales.x} y={scales.y} logY={logY} height={height} formatX={formatX} formatY={formatY} probe={hover.probe} hoverX={hover.x} />
        </LinesContext.Provider>
        {isEmpty && <p className="chart-empty muted">{empty}</p>}
        {hover.x !== null && px !== null && plot && !isEmpty ? (
          <HoverReadout x={hover.x} px={px} width={plot.x + plot.width + MARGIN.right} lines={drawn} xLabel={xLabel} formatX={formatX} formatY={formatY} />
        ) : null}
      </div>
      <ChartLegend items={legend} />
      {children}
    </figure>
  );
});
