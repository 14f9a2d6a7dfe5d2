// Runs in the page. The kept runs, newest first, with progress while one trains; Reset takes every finished
// run off the charts and table. Re-renders per animation frame with the data, plus once a second while a run
// is busy so the elapsed time moves during a mode's evaluation too.
import { useEffect, useState } from 'react';
import type { RunRecord } from '../chart-data/run-book';
import { RunProgressItem } from './RunProgressItem';

export interface RunsPanelProps {
  runs: readonly RunRecord[];
  onRemove(id: number): void;
  onReset(): void;
}

export function RunsPanel({ runs, onRemove, onReset }: RunsPanelProps) {
  const busy = runs.some((r) => r.busy);
  const [, setSecond] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setSecond((s) => s + 1), 1000);
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
            <RunProgressItem key={run.id} run={run} now={now} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </section>
  );
}
