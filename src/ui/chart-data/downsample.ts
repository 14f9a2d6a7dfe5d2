// Runs in the page (pure). Shrinks a series for drawing without hiding what matters. Works on rows with a low
// and a high value each (a TraceBuffer column, whose merged rows span several batches; a plain series has
// lo = hi): at most `maxPoints` points, keeping the first and last rows and, per bucket of neighbouring rows,
// the lowest and the highest value in the order they happened, so spikes and the overall min/max always
// survive. Reads the typed arrays directly: no per-row objects.

export interface Point {
  x: number;
  y: number;
}

export interface RowColumn {
  /** x per row. */
  x: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  /** 1 where a row's low came before its high; null when lo and hi are the same value. */
  loFirst: ArrayLike<number> | null;
  count: number;
  /** Multiplies x (ms → s for the time axis). */
  xScale?: number;
}

/** Points of `col`, at most `maxPoints` (≥ 4), x ascending. Rows whose value is NaN are skipped. */
export function downsampleRows(col: RowColumn, maxPoints: number): Point[] {
  const { x, lo, hi, loFirst, count } = col;
  const scale = col.xScale ?? 1;
  const cap = Math.max(4, Math.floor(maxPoints));
  const out: Point[] = [];
  const emitRow = (r: number) => {
    const l = lo[r];
    const h = hi[r];
    if (Number.isNaN(l)) return;
    const px = x[r] * scale;
    if (l === h) out.push({ x: px, y: l });
    else if (!loFirst || loFirst[r]) out.push({ x: px, y: l }, { x: px, y: h });
    else out.push({ x: px, y: h }, { x: px, y: l });
  };
  if (count * 2 <= cap) {
    for (let r = 0; r < count; r++) emitRow(r);
    return out;
  }
  emitRow(0);
  const inner = count - 2;
  const buckets = Math.floor((cap - 4) / 2);
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let iLo = -1;
    let iHi = -1;
    for (let r = from; r < to; r++) {
      if (Number.isNaN(lo[r])) continue;
      if (iLo < 0 || lo[r] < lo[iLo]) iLo = r;
      if (iHi < 0 || hi[r] > hi[iHi]) iHi = r;
    }
    if (iLo < 0) continue;
    if (iLo === iHi) emitRow(iLo);
    else if (iLo < iHi) out.push({ x: x[iLo] * scale, y: lo[iLo] }, { x: x[iHi] * scale, y: hi[iHi] });
    else out.push({ x: x[iHi] * scale, y: hi[iHi] }, { x: x[iLo] * scale, y: lo[iLo] });
  }
  emitRow(count - 1);
  return out;
}
