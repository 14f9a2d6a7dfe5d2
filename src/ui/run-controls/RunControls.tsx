// Runs in the page. Run submits the settings form (so Enter in a field runs too); Stop asks the worker to stop
// after its current batch, and the client terminates it if that does not happen in time. The batch count is
// live: it re-renders with the results, at most once per animation frame and ten times a second.
import { isBusy, type RunPhase } from '../chart-data/run-book';
import type { RunView } from '../hooks/use-run';
import { formatInt } from '../format';
import { useFrame } from '../hooks/use-frame';

export interface RunControlsProps {
  phase: RunPhase;
  run: Pick<RunView, 'book' | 'frames'>;
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
  useFrame(run.frames);
  const received = run.book.latest?.received ?? 0;
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
