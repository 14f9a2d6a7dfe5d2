// Runs in the page. One row per finished mode, with every ModeSummary column.
import type { ModeSummary } from '../../shared/metrics';
import { MODE_COLORS } from '../charts/mode-colors';
import { COLUMNS } from './columns';

export function SummaryTable({ rows }: { rows: readonly ModeSummary[] }) {
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      {rows.length === 0 ? (
        <p className="muted">Each mode gets a row here when it finishes.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Summary table, scrolls sideways">
          <table data-testid="summary-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" title={c.hint} className={c.numeric ? 'num' : undefined}>
                    {c.heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.mode} data-mode={row.mode}>
                  {COLUMNS.map((c) =>
                    c.key === 'mode' ? (
                      <th key={c.key} scope="row">
                        <span className="swatch" style={{ background: MODE_COLORS[row.mode] }} aria-hidden="true" />
                        {row.mode}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
