// Runs in the page (pure). What a trace shows at a given x, for the hover readout: the value(s) of its point
// nearest to x (a downsampled pair at one x gives its low and high), or nothing when x lies off the trace.
import type { Point } from './downsample';

export interface NearestValue {
  x: number;
  values: number[];
}

/** Index of the first point with x ≥ target (n when none). */
function lowerBound(points: readonly Point[], target: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `points` ascending in x. `slack` is how far outside the trace's own x range still counts as on it. */
export function nearestAt(points: readonly Point[], x: number, slack = 0): NearestValue | null {
  const n = points.length;
  if (n === 0 || !Number.isFinite(x)) return null;
  if (x < points[0].x - slack || x > points[n - 1].x + slack) return null;
  const after = lowerBound(points, x);
  const before = after - 1;
  const best = after >= n || (before >= 0 && x - points[before].x <= points[after].x - x) ? points[before].x : points[after].x;
  const values: number[] = [];
  for (let i = lowerBound(points, best); i < n && points[i].x === best; i++) values.push(points[i].y);
  return { x: best, values };
}
