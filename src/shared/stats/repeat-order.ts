// Runs everywhere. The order modes run in across repeats, ABBA style: a machine that warms up, throttles or
// gets busier over a run then favours no mode, because no mode always runs first or always last.
// Repeat r is the mode list rotated left by floor(r / 2), reversed when r is odd:
//   modes A B C → ABC CBA · BCA ACB · CAB BAC, and again from the start.
// Over every 2 × modes repeats each mode takes each position equally often; for 2 repeats the second is the
// first reversed (AB, BA), which already moves every mode's first and last place.
import { assertInteger } from './checks';

export function repeatOrder<T>(modes: readonly T[], repeats: number): T[][] {
  assertInteger(repeats, 'repeats', 0, 100_000);
  const count = modes.length;
  return Array.from({ length: repeats }, (_, r) => {
    const shift = count ? Math.floor(r / 2) % count : 0;
    const rotated = [...modes.slice(shift), ...modes.slice(0, shift)];
    return r % 2 ? rotated.reverse() : rotated;
  });
}
