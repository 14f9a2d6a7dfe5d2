// Runs in the page. One colour per training mode, the same in every chart and table.
import type { ModeName } from '../../shared/config';

export const MODE_COLORS: Record<ModeName, string> = {
  fit: '#2f6fdf',
  fitDataset: '#e07b00',
  trainOnBatch: '#1a9a4b',
  loop: '#c8338c',
};

/** Modes given the same seed often draw the same loss curve: dashes let the lines underneath show through. */
export const MODE_DASHES: Record<ModeName, string | undefined> = {
  fit: undefined,
  fitDataset: '8 4',
  trainOnBatch: '2 3',
  loop: '12 3 2 3',
};
