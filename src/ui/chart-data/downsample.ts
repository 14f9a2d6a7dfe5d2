// Runs in the page (pure). Shrinks a series for drawing without hiding what matters: the first and last points
// and, per bucket of neighbours, the lowest and highest (so spikes and the overall min/max always survive).

export interface Point {
  x: number;
  y: number;
}

/** At most `maxPoints` points of `points` (x ascending), in their original order. */
export function downsampleMinMax(points: readonly Point[], maxPoints: number): Point[] {
  const n = points.length;
  const cap = Math.max(2, Math.floor(maxPoints));
  if (n <= cap) return points.slice();
  const inner = n - 2;
  const buckets = Math.floor((cap - 2) / 2);
  const out: Point[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      const y = points[i].y;
      // NaN never wins a comparison, and loses to any number.
      if (y < points[lo].y || Number.isNaN(points[lo].y)) lo = i;
      if (y > points[hi].y || Number.isNaN(points[hi].y)) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else if (lo < hi) out.push(points[lo], points[hi]);
    else out.push(points[hi], points[lo]);
  }
  out.push(points[n - 1]);
  return out;
}
