// Runs in the page (pure). Colours for traces (one mode of one run). The first four are the modes' own colours
// (so a single run looks as it always did); later runs take the next free ones. Mid-tone hues chosen to read
// on both the light and the dark background.
import { MODE_NAMES, type ModeName } from '../../shared/config';

export const TRACE_PALETTE = [
  '#2f6fdf',
  '#e07b00',
  '#1a9a4b',
  '#c8338c',
  '#7b57d1',
  '#0a9396',
  '#b5651d',
  '#d43d3d',
  '#6b8e23',
  '#1f9bd1',
  '#a1459b',
  '#8a7f00',
] as const;

/** Modes given the same seed often draw the same loss curve: dashes let the lines underneath show through. */
export const MODE_DASHES: Record<ModeName, string | undefined> = {
  fit: undefined,
  fitDataset: '8 4',
  trainOnBatch: '2 3',
  loop: '12 3 2 3',
};

/**
 * Picks a colour for each of `modes` that no kept trace uses: a mode's own colour when free, else the first
 * free one in palette order; once all are taken colours repeat (the legend still tells traces apart).
 */
export function pickColors(modes: readonly ModeName[], inUse: ReadonlySet<string>): string[] {
  const taken = new Set(inUse);
  return modes.map((mode, i) => {
    const own = TRACE_PALETTE[MODE_NAMES.indexOf(mode)];
    const color = !taken.has(own)
      ? own
      : (TRACE_PALETTE.find((c) => !taken.has(c)) ?? TRACE_PALETTE[(taken.size + i) % TRACE_PALETTE.length]);
    taken.add(color);
    return color;
  });
}
