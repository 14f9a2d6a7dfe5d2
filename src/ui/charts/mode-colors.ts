// Runs in the page. One colour per training mode (the settings' mode checkboxes); charts colour each trace from
// the palette, whose first entries are these.
import type { ModeName } from '../../shared/config';
import { TRACE_PALETTE } from '../chart-data/palette';

export const MODE_COLORS: Record<ModeName, string> = {
  fit: TRACE_PALETTE[0],
  fitDataset: TRACE_PALETTE[1],
  trainOnBatch: TRACE_PALETTE[2],
  loop: TRACE_PALETTE[3],
};
