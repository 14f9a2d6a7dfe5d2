// Runs in the page. The kept runs, newest first, with progress while one trains; Reset takes every finished
// run off the charts and table. While a run is busy it re-renders on its own clock, four times a second, not
// with every frame of data: progress text that changes 60 times a second is repainted 60 times a second,
// on the same cores the training and the charts need.
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import type { RunRecord } from '../chart-data/run-book';
import { PROGRESS_INTERVAL_MS } from './progress-math';
import { RunProgressItem } from './RunProgressItem';

export interface RunsPanelProps {
  runs: readonly RunRecord[];
  /**
   * The book's revision (run records are mutable): a run's events (backend, a mode's end, the result, a stop)
   * show at once, not at the next tick, and the run store's rows publishes do not re-render the panel.
   */
  revision: number;
  onRemove(id: number): void;
  onReset(): void;
}

export const RunsPanel = memo(function RunsPanel({ runs, revision, onRemove, onReset }: RunsPanelProps) {
  const busy = runs.some((r) => r.busy);
  // Each run's phase as of the revision this render shows, not as the mutable record has it now: a clock tick
  // that renders before the run store's event must not show a run's end while the table beside it cannot.
  const { phases } = useMemo(() => ({ revision, phases: new Map(runs.map((r) => [r.id, r.phase])) }), [runs, revision]);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!busy) return;
    // A transition: an urgent tick would interrupt (and restart) a results render in progress.
    const timer = setInterval(() => startTransition(() => setTick((s) => s + 1)), PROGRESS_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [busy]);
  const now = performance.now();
  return (
    <section className="card runs" aria-labelledby="runs-heading" data-testid="runs-panel">
      <div className="run-head">
        <h2 id="runs-heading">Runs</h2>
        <button type="button" className="small" onClick={onReset} disabled={runs.every((r) => r.busy)} data-testid="reset">
          Reset
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="muted">Press Run: each run's modes appear here and on the charts, and stay until removed.</p>
      ) : (
        <ul className="run-list">
          {[...runs].reverse().map((run) => (
            <RunProgressItem key={run.id} run={run} phase={phases.get(run.id) ?? run.phase} now={now} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </section>
  );
});
