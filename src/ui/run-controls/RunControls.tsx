// Runs in the page. Run submits the settings form (so Enter in a field runs too); Stop asks the worker to stop
// after its current batch, and the client terminates it if that does not happen in time. The batch count is
// live: it follows the run store's publishes (at once for events, a few times a second while rows stream).
import { isBusy, type RunPhase } from '../chart-data/run-book';
import type { RunView } from '../hooks/use-run';
import { formatInt } from '../format';
import { useReceivedSteps } from '../hooks/use-run-store';

export interface RunControlsProps {
  phase: RunPhase;
  run: Pick<RunView, 'store'>;
  onStop(): void;
}

const STATUS: Record<RunPhase, string> = {
  idle: 'Ready',
  running: 'Running',
  stopping: 'Stopping after the current batch',
  done: 'Done',
  failed: 'Failed',
};

export function RunControls({ phase, run, onStop }: RunControlsProps) {
  const received = useReceivedSteps(run.store);
  const count = received > 0 ? `: ${formatInt(received)} batches` : phase === 'running' ? '…' : '';
  return (
    <div className="controls">
      <button type="submit" className="primary" disabled={isBusy(phase)}>
        Run
      </button>
      <button type="button" onClick={onStop} disabled={phase !== 'running'}>
        Stop
      </button>
      <p className="status" role="status" data-testid="run-status" data-phase={phase}>
        {STATUS[phase]}
        {count}
      </p>
    </div>
  );
}
