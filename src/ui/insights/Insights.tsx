// Runs in the page. Plain sentences about the latest run that has results, computed from its summaries.
import { useMemo } from 'react';
import type { RunRecord } from '../chart-data/run-book';
import { runSetup } from '../chart-data/labels';
import { computeInsights } from './insights';

export function Insights({ run }: { run: RunRecord | null }) {
  const summaries = run?.summaries;
  const items = useMemo(() => computeInsights(summaries ?? []), [summaries]);
  return (
    <section className="card insights" aria-labelledby="insights-heading" data-testid="insights">
      <h2 id="insights-heading">Insights{run ? <span className="muted"> · run {run.id}: {runSetup(run)}</span> : null}</h2>
      {items.length === 0 ? (
        <p className="muted">Sentences about what was measured appear here as modes finish.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key} data-kind={item.key} className={item.tone === 'warning' ? 'insight-warning' : undefined}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
