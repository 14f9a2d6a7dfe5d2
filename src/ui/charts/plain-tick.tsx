// Runs in the page. Axis tick labels as plain SVG text. recharts' default tick is its <Text> component, which
// measures words in the DOM to wrap them: a good share of a chart update's time here, for labels that never
// wrap.
import type { ReactElement } from 'react';

interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: string;
  className?: string;
  payload?: { value: unknown };
}

const DY: Record<string, string> = { start: '0.71em', middle: '0.32em', end: '0' };

type Render = (props: TickProps) => ReactElement;

const cache = { x: new WeakMap<(v: never) => string, Render>(), y: new WeakMap<(v: never) => string, Render>() };

/**
 * A tick renderer for recharts' `tick` prop that prints `format(value)`, its text marked with the axis
 * (`data-axis`); one per format and axis, so props stay equal.
 */
export function plainTick<T>(format: (value: T) => string, axis: 'x' | 'y'): Render {
  const key = format as unknown as (v: never) => string;
  let render = cache[axis].get(key);
  if (!render) {
    render = (props: TickProps) => (
      <text
        x={props.x}
        y={props.y}
        dy={DY[props.verticalAnchor ?? 'middle'] ?? DY.middle}
        textAnchor={props.textAnchor}
        className={props.className}
        data-axis={axis}
      >
        {format(props.payload?.value as T)}
      </text>
    );
    cache[axis].set(key, render);
  }
  return render;
}
