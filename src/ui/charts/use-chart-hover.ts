// Runs in the page. The x a chart's readout shows: set by the pointer over the plot, or by the arrow keys when
// the chart has focus (Home/End jump to the first and last data, Escape clears), so hover values are
// keyboard-reachable too. The keys move within the data's x range (the axis may have room to grow).
import { startTransition, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ProbeHandle } from './ChartProbe';

/** Arrow keys move the readout by this fraction of the plot's width (Shift: ten times as far). */
const KEY_STEP = 1 / 50;

export interface ChartHover {
  x: number | null;
  probe: React.RefObject<ProbeHandle | null>;
  /** For ChartProbe: keeps the chart's latest handle in `probe`. */
  attachProbe(handle: ProbeHandle): void;
  onPointerMove(e: PointerEvent<HTMLElement>): void;
  onPointerLeave(): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onBlur(): void;
}

export function useChartHover(dataRange: readonly [number, number] | null): ChartHover {
  const probe = useRef<ProbeHandle | null>(null);
  const attachProbe = useCallback((handle: ProbeHandle) => {
    probe.current = handle;
  }, []);
  // Read by the key handler; set after each commit, not during render.
  const range = useRef(dataRange);
  useLayoutEffect(() => {
    range.current = dataRange;
  }, [dataRange]);
  const [x, setShownX] = useState<number | null>(null);
  // A transition: an urgent update at every pointer move
  // would make React drop and restart the results' time-sliced render each time, and progress and charts
  // would stand still while the pointer is over a chart. Transitions are rendered together instead.
  const setX = useCallback((value: number | null) => startTransition(() => setShownX(value)), []);
  // Pixel of the keyboard cursor, so repeated presses step evenly whatever the scale.
  const keyPx = useRef<number | null>(null);

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const surface = e.currentTarget.querySelector('svg.recharts-surface');
      const p = probe.current;
      if (!surface || !p?.plot) return;
      const px = e.clientX - surface.getBoundingClientRect().left;
      if (px < p.plot.x || px > p.plot.x + p.plot.width) return setX(null);
      keyPx.current = null;
      setX(p.toX(px));
    },
    [setX],
  );

  const onPointerLeave = useCallback(() => {
    if (keyPx.current === null) setX(null);
  }, [setX]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const p = probe.current;
      if (!p?.plot) return;
      const r = range.current;
      const left = r ? (p.toPx(r[0]) ?? p.plot.x) : p.plot.x;
      const right = r ? (p.toPx(r[1]) ?? p.plot.x + p.plot.width) : p.plot.x + p.plot.width;
      const step = p.plot.width * KEY_STEP * (e.shiftKey ? 10 : 1);
      const at = keyPx.current ?? right;
      let next: number | null;
      switch (e.key) {
        case 'ArrowLeft':
          next = Math.max(left, keyPx.current === null ? right : at - step);
          break;
        case 'ArrowRight':
          next = Math.min(right, keyPx.current === null ? right : at + step);
          break;
        case 'Home':
          next = left;
          break;
        case 'End':
          next = right;
          break;
        case 'Escape':
          keyPx.current = null;
          setX(null);
          return;
        default:
          return;
      }
      e.preventDefault();
      keyPx.current = next;
      setX(p.toX(next));
    },
    [setX],
  );

  const onBlur = useCallback(() => {
    keyPx.current = null;
    setX(null);
  }, [setX]);

  return { x, probe, attachProbe, onPointerMove, onPointerLeave, onKeyDown, onBlur };
}
