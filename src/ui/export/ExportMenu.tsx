// Runs in the page. Downloads of every kept run: per-batch metrics (CSV), summaries (CSV), everything (JSON).
// Built on click, never while training is drawn, so the work lands on the user's gesture only.
import { memo } from 'react';
import type { RunRecord } from '../chart-data/run-book';
import { formatInt } from '../format';
import { downloadText, fileStamp } from './download';
import { batchesCsv, exportJson, summaryCsv } from './export-data';

/** Batches past the export log's limit, over every kept run: passed in so that memo sees it change. */
export function droppedBatches(runs: readonly RunRecord[]): number {
  return runs.reduce((sum, r) => sum + r.log.dropped, 0);
}

// memo: the results re-render every frame while a run streams; the buttons change only with the kept runs.
export const ExportMenu = memo(function ExportMenu({ runs, dropped }: { runs: readonly RunRecord[]; dropped: number }) {
  const none = runs.length === 0;
  const save = (kind: 'batches' | 'summary' | 'json') => {
    const now = new Date();
    const stem = `fitscope-${kind}-${fileStamp(now)}`;
    if (kind === 'batches') downloadText(batchesCsv(runs), `${stem}.csv`, 'text/csv');
    else if (kind === 'summary') downloadText(summaryCsv(runs), `${stem}.csv`, 'text/csv');
    else downloadText(exportJson(runs, now), `${stem}.json`, 'application/json');
  };
  return (
    <section className="card export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className="button-row">
        <button type="button" onClick={() => save('batches')} disabled={none} data-testid="export-batches-csv">
          Batches CSV
        </button>
        <button type="button" onClick={() => save('summary')} disabled={none} data-testid="export-summary-csv">
          Summary CSV
        </button>
        <button type="button" onClick={() => save('json')} disabled={none} data-testid="export-json">
          JSON
        </button>
      </div>
      <p className="muted small-print">
        Every kept run: one CSV row per batch received, one per mode in the summary (with the machine that ran it); the JSON has both, each
        run's settings and machine, and imports back into this page. Each chart has its own PNG button.
        {dropped > 0 ? ` ${formatInt(dropped)} batches past the per-run limit of the export log were charted but not kept.` : ''}
      </p>
    </section>
  );
});
