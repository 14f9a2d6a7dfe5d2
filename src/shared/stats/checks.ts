// Runs everywhere. Argument checks with messages that say what was wrong; bad data never turns into a silent NaN.

/** Throws a RangeError naming the first entry that is not a finite time ≥ 0. */
export function assertTimes(values: ArrayLike<number>, what = 'batch times'): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${what} must be finite numbers ≥ 0; entry ${i} is ${String(v)}`);
    }
  }
}

/** Throws unless level is a confidence level strictly between 0 and 1. */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must lie strictly between 0 and 1, got ${String(level)}`);
}

/** Throws unless value is an integer in [min, max]. */
export function assertInteger(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}…${max}, got ${String(value)}`);
  }
}
