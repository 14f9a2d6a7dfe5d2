// Runs in the page (pure). What a stopped run says about itself: which mode stopped where, which modes never
// started, and how long the stop took from the button to the run's end (evaluation of the stopped mode
// included).
import type { RunRecord } from '../chart-data/run-book';
import { formatInt, formatMs } from '../format';
import { expectedBatches } from './progress-math';

export function stopMessage(run: RunRecord): string | null {
  if (!run.result?.stopped) return null;
  const planned = expectedBatches(run.config);
  const ran = run.result.summaries.filter((s) => !s.refused);
  const last = ran[ran.length - 1];
  const notReached = run.config.modes.filter((m) => !run.result!.summaries.some((s) => s.mode === m));
  const where = last
    ? `${last.mode} stopped after batch ${formatInt(last.batches)}${planned !== null ? ` of ${formatInt(planned)}` : ''}`
    : 'no mode had started';
  const rest = notReached.length ? `; ${notReached.join(', ')} did not run and ${notReached.length === 1 ? 'has' : 'have'} no row` : '';
  const latency =
    run.stopRequestedAt !== null && run.endedAt !== null ? ` The run ended ${formatMs(run.endedAt - run.stopRequestedAt)} after Stop.` : '';
  return `Stopped on request after ${formatInt(run.result.totalBatches)} batches: ${where}${rest}.${latency}`;
}
