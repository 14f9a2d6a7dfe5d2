// Runs in the page (pure). What an imported result file may hold: the page's own caps, so that a file cannot
// make the page keep more than a run of its own would (the batch log's rows, the modes, the runs the store
// keeps), and bounds on text and numbers so that a hostile file cannot exhaust memory or smuggle absurd values.
import { MODE_NAMES } from '../../shared/config';
import { LOG_CAPACITY } from '../export/batch-log';

/** Checked on the File before a byte is read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** As many runs as the store keeps. */
export const MAX_RUNS = 30;
/** Per run, as many batch rows as the page's batch log keeps. */
export const MAX_BATCH_ROWS = LOG_CAPACITY;
export const MAX_SUMMARIES = MODE_NAMES.length;
/** Two verdicts per mode pair at most (against the loop and against the fastest). */
export const MAX_COMPARISONS = 2 * MODE_NAMES.length * MODE_NAMES.length;
export const MAX_NOTICES = 100;
export const MAX_FALLBACKS = 8;
export const MAX_HISTOGRAM_BINS = 10_000;
/** Longest text field: a notice, a refusal, a verdict sentence. */
export const MAX_TEXT = 2000;
/** Largest magnitude of any number: far above any byte count, time or count a run can reach (~31 years in ms). */
export const MAX_MAGNITUDE = 1e15;
/** Deepest nesting a valid document has (runs → run → summaries → summary → msHistogram → edges) is 6. */
export const MAX_DEPTH = 8;
