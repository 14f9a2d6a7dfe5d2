// Runs in the page (pure). TensorBoard's loss smoothing: an exponential moving average, debiased so that the
// first points are not dragged towards zero (the average starts at 0, and dividing by 1 − weight^k undoes
// that). NaN points stay NaN and do not move the average; a constant series is returned as it is, so float
// error cannot make a flat line wobble.

/** Smoothed copy of values[0…count), weight in [0, 1) (clamped): 0 returns the values unchanged. */
export function smoothDebiased(values: ArrayLike<number>, count: number, weight: number): Float64Array {
  const out = new Float64Array(count);
  let constant = true;
  let first = NaN;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) {
      constant = false;
      break;
    }
  }
  // At weight 1 the average would never move: the slider stops short of it.
  const w = Math.min(Math.max(Number.isFinite(weight) ? weight : 0, 0), 0.999);
  let last = 0;
  let accumulated = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (constant || !Number.isFinite(v) || w === 0) {
      out[i] = Number.isFinite(v) ? v : NaN;
      continue;
    }
    last = last * w + (1 - w) * v;
    accumulated++;
    out[i] = last / (1 - w ** accumulated);
  }
  return out;
}
