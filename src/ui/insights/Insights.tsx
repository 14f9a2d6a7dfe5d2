// Runs in the page. Plain sentences about the latest run that has results, computed from its summaries and
// verdicts: the answer first, at the top of the results.
import { memo, useMemo } from 'react';
import type { ModeSummary } from '../../shared/metrics';
import type { RunRecord } from '../chart-data/run-book';
import { runSetup } from '../chart-data/labels';
import { computeInsights } from './insights';

/**
 * `summaries` is the run's current list (a new array with each finished mode): passed apart from the mutable
 * record so that memo can tell when there is something new to say; the results re-render every frame.
 */
export const Insights = memo(function Insights({
  run,
  summaries,
}: {
  run: RunRecord | null;
  summaries: readonly ModeSummary[] | undefined;
}) {
  const result = run?.result ?? null;
  const items = useMemo(
    () =>
      computeInsights(
        summaries ?? [],
        result ? { comparisons: result.comparisons ?? [], noise: result.noise ?? null, kernelProbe: result.kernelProbe } : undefined,
      ),
    [summaries, result],
  );
  return (
    <section className="card insights" aria-labelledby="insights-heading" data-testid="insights">
      <h2 id="insights-heading">
        Insights
        {run ? (
          <span className="muted">
            {' '}
            · run {run.id}: {runSetup(run)}
          </span>
        ) : null}
      </h2>
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
});
