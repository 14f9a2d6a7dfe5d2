// Runs in the page. One chart card: a line per trace (downsampled before it gets here), optional reference
// marks, its own legend, a hover readout with every trace's value at the pointer's (or arrow keys') x, and a
// PNG download. recharts lays out the axes, grid and reference lines on domains and ticks computed here;
// TraceLines draws the traces (no recharts <Line>, no animation). New data comes with the run store's publishes
// (a few times a second). Every recharts re-render (a new axis) costs tens of milliseconds here, so a
// streaming chart's x axis is sized to the run's plan from the start and its y axis keeps headroom. The chart
// stays mounted while empty: mounting every
// chart at a run's first batch was itself a long task.
import { memo, useMemo, useRef, type ReactNode } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { byteTickFormat, byteTicks, extent, linearTicks, logTicks, niceCeil, type AxisScale } from '../chart-data/axis-ticks';
import { ChartLegend } from './ChartLegend';
import { useKeyedValue } from '../hooks/use-keyed-value';
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
  /** Bytes: y ticks at round kB / MB / GB rather than round decimal numbers. */
  bytes?: boolean;
  /** A run is streaming: axes keep room to grow (and change seldom); otherwise they fit the data. */
  live?: boolean;
  /** While live: where the x axis will end (the runs' plan), so it is drawn once rather than grown. */
  xPlan?: number;
  height?: number;
  /** Shown over the empty chart. */
  empty?: string;
  children?: ReactNode;
}

const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const NO_MARKS: readonly ReferenceMark[] = [];

/**
 * The same scale object while it has the same domain and ticks, so recharts sees no change at all. Keyed on
 * what the scale draws, not on its identity: the memo is a cache, and nothing is written during render.
 */
function useSameScale(scale: AxisScale): AxisScale {
  const key = `${scale.domain.join()}|${scale.ticks.join()}|${scale.unit ?? ''}`;
  return useKeyedValue(key, () => scale);
}

/**
 * Axis domains and ticks for the drawn lines (and reference marks): whole tick steps. While a run streams, the
 * x axis ends at the runs' plan (or the 1-2-5 step above 1.5 × the data where there is no plan) and the y axis
 * at the 1-2-5 step above the data's top with some headroom, so the axes move a few times a decade, not with
 * every batch. After the run they fit the data.
 */
function useScales(
  lines: readonly ChartLine[],
  xs: readonly [number, number] | null,
  references: readonly ReferenceMark[],
  logY: boolean,
  fromZero: boolean,
  bytes: boolean,
  live: boolean,
  xPlan: number,
): { x: AxisScale; y: AxisScale } {
  // The extents walk every point: only when the lines change, not at every render of the card.
  const ys = useMemo(
    () =>
      extent(
        lines.map((l) => l.points),
        'y',
        references.map((r) => r.y),
        logY,
      ),
    [lines, references, logY],
  );
  const xHi = xs ? xs[1] : 1;
  const yLo = ys ? (fromZero && !logY ? Math.min(0, ys[0]) : ys[0]) : 0;
  const yHi = ys ? ys[1] : 1;
  const integerX = Number.isInteger(xHi);
  const xTop = !live ? xHi : Number.isFinite(xPlan) && xPlan >= xHi ? xPlan : niceCeil(xHi * 1.5);
  const x = useSameScale(linearTicks(0, xTop, 5, integerX));
  const yTop = live && !logY ? niceCeil(yHi * 1.15) : yHi;
  const y = useSameScale(logY ? logTicks(yLo, yTop) : bytes ? byteTicks(yLo, yTop) : linearTicks(yLo, yTop, 5));
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
  onProbe: (handle: ProbeHandle) => void;
  hoverX: number | null;
}

/**
 * The recharts part: re-renders only when the scales, marks or the hover line change. The lines reach
 * TraceLines through context, so new points redraw the paths and nothing else.
 */
const Plot = memo(function Plot({ references, x, y, logY, height, formatX, formatY, onProbe, hoverX }: PlotProps) {
  // interval={0}: the ticks are few and chosen here, so recharts need not measure labels for overlap.
  // Two rows at the domain's corners give recharts an x axis to scale (it has no <Line> data to look at).
  // No accessibility layer: the card around the chart is the one keyboard stop and reads values itself.
  const corners = useMemo(() => [{ x: x.domain[0] }, { x: x.domain[1] }], [x]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart margin={MARGIN} data={corners} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={x.domain} ticks={x.ticks} interval={0} allowDataOverflow tick={plainTick(formatX, 'x')} />
        <YAxis
          type="number"
          width={68}
          tick={plainTick(formatY, 'y')}
          scale={logY ? 'log' : 'linear'}
          domain={y.domain}
          ticks={y.ticks}
          interval={0}
          allowDataOverflow
        />
        {references.map((r) => (
          <ReferenceLine
            key={r.key}
            y={r.y}
            stroke={r.color}
            strokeDasharray="2 4"
            strokeWidth={1.5}
            label={{ value: r.label, position: 'insideTopLeft', className: 'chart-ref-label' }}
          />
        ))}
        <TraceLines />
        <ChartProbe onLayout={onProbe} hoverX={hoverX} />
      </LineChart>
    </ResponsiveContainer>
  );
});

export const TraceChart = memo(function TraceChart(props: TraceChartProps) {
  const {
    id,
    title,
    description,
    lines,
    xLabel,
    formatX,
    formatY,
    logY = false,
    fromZero = false,
    bytes = false,
    xPlan = NaN,
    height = 240,
    empty = 'No batches yet.',
    children,
  } = props;
  const figure = useRef<HTMLElement>(null);
  const live = props.live ?? false;
  const references = props.references ?? NO_MARKS;
  const drawn = useMemo(() => lines.filter((l) => l.points.length > 0), [lines]);
  const legend = useMemo(() => legendOf(drawn), [drawn]);
  const dataRange = useMemo(
    () =>
      extent(
        drawn.map((l) => l.points),
        'x',
      ),
    [drawn],
  );
  const scales = useScales(drawn, dataRange, references, logY, fromZero, bytes, live, xPlan);
  const hover = useChartHover(dataRange);
  const plot = hover.probe.current?.plot;
  const px = hover.x !== null ? (hover.probe.current?.toPx(hover.x) ?? null) : null;
  const isEmpty = drawn.length === 0;
  return (
    <figure
      ref={figure}
      className="card chart"
      data-testid={`${id}-chart`}
      data-points={drawn.reduce((n, l) => n + l.points.length, 0)}
      aria-labelledby={`${id}-title`}
    >
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
          <Plot
            references={references}
            x={scales.x}
            y={scales.y}
            logY={logY}
            height={height}
            formatX={formatX}
            formatY={bytes && scales.y.unit ? byteTickFormat(scales.y.unit) : formatY}
            onProbe={hover.attachProbe}
            hoverX={hover.x}
          />
        </LinesContext.Provider>
        {isEmpty && <p className="chart-empty muted">{empty}</p>}
        {hover.x !== null && px !== null && plot && !isEmpty ? (
          <HoverReadout
            x={hover.x}
            px={px}
            width={plot.x + plot.width + MARGIN.right}
            lines={drawn}
            xRange={dataRange}
            xLabel={xLabel}
            formatX={formatX}
            formatY={formatY}
          />
        ) : null}
      </div>
      <ChartLegend items={legend} />
      {children}
    </figure>
  );
});
