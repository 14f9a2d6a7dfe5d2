// Runs in the page. One row per finished (or refused) mode of every kept run; a refused mode's row says why.
// Column headings carry their explanation as a title and for screen readers.
import { memo, useState } from 'react';
import type { RunRecord } from '../chart-data/run-book';
import { formatInt } from '../format';
import { visibleColumns } from './columns';
import { tableRows } from './table-rows';

export interface SummaryTableProps {
  runs: readonly RunRecord[];
  /** The book's revision (run records are mutable): the table re-renders when a mode ends, not on every frame. */
  revision: number;
}

export const SummaryTable = memo(function SummaryTable({ runs }: SummaryTableProps) {
  const [all, setAll] = useState(false);
  const rows = tableRows(runs);
  const columns = visibleColumns(rows, all);
  return (
    <section className="card" aria-labelledby="summary-heading">
      <div className="card-head">
        <h2 id="summary-heading">Summary</h2>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} data-testid="all-columns" />
          All columns
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted">Each mode gets a row here when it finishes.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Summary table, scrolls sideways">
          <table data-testid="summary-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" title={c.hint} className={c.numeric ? 'num' : undefined} data-col={c.key}>
                    {c.heading}
                    {c.hint ? <span className="visually-hidden">: {c.hint}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-mode={row.summary.mode} data-run={row.runId} className={row.summary.refused ? 'refused' : undefined}>
                  <th scope="row">
                    <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
                    {row.summary.mode}
                    {runs.length > 1 ? <span className="muted"> (run {row.runId})</span> : null}
                    <small className="cell-detail muted">
                      {' '}
                      {row.summary.backend} · {row.dataset} · batch {formatInt(row.summary.batchSize)}
                    </small>
                  </th>
                  {row.summary.refused ? (
                    <td colSpan={columns.length - 1} className="refused-message" data-testid="refused-message">
                      Not run: {row.summary.refused}
                    </td>
                  ) : (
                    columns.slice(1).map((c) => (
                      <td key={c.key} className={c.numeric ? 'num' : undefined} data-col={c.key}>
                        {c.cell(row)}
                        {c.detail ? <small className="cell-detail muted">{c.detail(row)}</small> : null}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
