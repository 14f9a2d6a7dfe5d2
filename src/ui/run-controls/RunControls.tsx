// Runs in the page. Run submits the settings form (so Enter in a field runs too); Stop asks the worker to stop
// after its current batch, and the client terminates it if that does not happen in time.
import type { RunPhase } from '../hooks/use-run';

export interface RunControlsProps {
  phase: RunPhase;
  received: number;
  onStop(): void;
}

const STATUS: Record<RunPhase, string> = {
  idle: 'Ready',
  running: 'Running',
  stopping: 'Stopping after the current batch',
  done: 'Done',
  failed: 'Failed',
};

export function RunControls({ phase, received, onStop }: RunControlsProps) {
  const busy = phase === 'running' || phase === 'stopping';
  const count = received > 0 ? `: ${received.toLocaleString('en-US')} batches` : phase === 'running' ? '…' : '';
  return (
    <div className="controls">
      <button type="submit" className="primary" disabled={busy}>
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
