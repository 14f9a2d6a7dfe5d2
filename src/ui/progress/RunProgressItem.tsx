// Runs in the page. One run: what it is, where it stands (overall and per mode), elapsed time and the estimate
// of what is left, how it ended, and a button to take it off the charts.
import type { RunPhase, RunRecord } from '../chart-data/run-book';
import { runSetup } from '../chart-data/labels';
import { describeMachine } from '../../shared/machine';
import { formatInt } from '../format';
import { formatDuration, runProgress, type ModeState } from './progress-math';

const STATE_WORDS: Record<ModeState, string> = {
  waiting: 'waiting',
  running: 'running',
  done: 'done',
  refused: 'refused by the memory guard',
  stopped: 'stopped',
};

function outcome(run: RunRecord, phase: RunPhase): string {
  if (phase === 'failed') return 'failed';
  if (phase === 'stopping') return 'stopping after the current batch';
  if (phase === 'running') return 'running';
  return run.result?.stopped ? 'stopped' : 'done';
}

function count(done: number, expected: number | null): string {
  return expected === null ? `${formatInt(done)} batches` : `${formatInt(done)} of ${formatInt(expected)} batches`;
}

export interface RunProgressItemProps {
  run: RunRecord;
  /** The run's phase as of the book revision the page shows (the record itself may be ahead). */
  phase: RunPhase;
  now: number;
  onRemove(id: number): void;
}

export function RunProgressItem({ run, phase, now, onRemove }: RunProgressItemProps) {
  const p = runProgress(run, now);
  const titleId = `run-${run.id}-title`;
  const c = run.config;
  const eta = run.busy ? (p.etaMs === null ? ' · estimating time left' : ` · about ${formatDuration(p.etaMs)} left`) : '';
  return (
    <li className="run-item" data-testid="run-item" data-run={run.id} data-phase={phase} data-origin={run.origin} aria-labelledby={titleId}>
      <div className="run-head">
        <h3 id={titleId}>
          Run {run.id}
          {run.origin !== 'live' && ` (${run.origin})`}{' '}
          <span className="muted">
            · {runSetup(run)} · batch {formatInt(c.batchSize)} × {formatInt(c.epochs)} epoch{c.epochs === 1 ? '' : 's'}
          </span>
        </h3>
        <button
          type="button"
          className="small"
          onClick={() => onRemove(run.id)}
          disabled={run.busy}
          aria-label={`Remove run ${run.id} from the charts and table`}
        >
          Remove
        </button>
      </div>
      {run.machine && (
        <p className="muted small-print" data-testid="run-machine">
          {run.engine && !run.engine.startsWith('fitscope') ? `${run.engine} · ` : ''}
          {describeMachine(run.machine)}
        </p>
      )}
      <div className="progress-line">
        <progress value={p.fraction ?? undefined} max={1} aria-labelledby={titleId} aria-describedby={`run-${run.id}-status`} />
        <span id={`run-${run.id}-status`} className="progress-text" data-testid="run-progress-text">
          {outcome(run, phase)}: {count(p.done, p.expected)} · {formatDuration(p.elapsedMs)} elapsed{eta}
        </span>
      </div>
      <ul className="mode-progress">
        {p.modes.map((m) => {
          const trace = run.trace(m.mode);
          return (
            <li key={m.mode} data-mode={m.mode} data-state={m.state}>
              <span className="swatch" style={{ background: trace?.color }} aria-hidden="true" />
              <span className="mode-name">{m.mode}</span>
              <progress
                value={m.expected ? m.done / m.expected : m.state === 'done' ? 1 : m.expected === 0 ? 0 : undefined}
                max={1}
                aria-label={`${m.mode} progress`}
              />
              <span className="muted">
                {STATE_WORDS[m.state]} · {count(m.done, m.expected)}
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
