// Runs in the page. Settings on the left (from the URL), what the run measures on the right.
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { combinationProblems } from '../../shared/config-rules';
import { BackendBadge } from '../backend-badge/BackendBadge';
import { MetricChart } from '../charts/MetricChart';
import { ConfigForm } from '../config-form/ConfigForm';
import { formatBytes, formatSig } from '../format';
import { useRun } from '../hooks/use-run';
import { useUrlConfig } from '../hooks/use-url-config';
import { describeRunError, urlWarnings, type NoticeItem } from '../notice/messages';
import { Notice } from '../notice/Notice';
import { RunControls } from '../run-controls/RunControls';
import { SummaryTable } from '../summary-table/SummaryTable';

const formatLoss = (v: number) => formatSig(v);

export function App() {
  const { config, setConfig, warnings, autorun } = useUrlConfig();
  const run = useRun();
  const busy = run.phase === 'running' || run.phase === 'stopping';

  const autorunDone = useRef(false);
  useEffect(() => {
    if (!autorun || autorunDone.current) return;
    autorunDone.current = true;
    run.start(config);
    // Only once, with the config the page was opened with.
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run.start(config);
  };

  const notices = useMemo<NoticeItem[]>(() => {
    const items = urlWarnings(warnings);
    // Knobs without effect are harmless here (the CLI refuses them): say so, and let the run go ahead.
    for (const problem of combinationProblems(config)) items.push({ kind: 'info', text: `No effect: ${problem}.` });
    if (run.phase === 'failed') items.push(describeRunError(run.error));
    const result = run.result;
    if (result && result.receivedBatches < result.totalBatches) {
      items.push({ kind: 'warning', text: `The charts got ${result.receivedBatches} of ${result.totalBatches} batches; the rest did not arrive in time. The summary table is complete.` });
    }
    for (const s of result?.summaries ?? []) if (s.refused) items.push({ kind: 'warning', text: `${s.mode} did not run: ${s.refused}` });
    if (result?.stopped) items.push({ kind: 'info', text: `Stopped after ${result.totalBatches} batches; modes not reached have no row.` });
    return items;
  }, [warnings, config, run.phase, run.error, run.result]);

  const loss = useMemo(() => run.series.map((s) => ({ mode: s.mode, points: s.loss })), [run.series]);
  const bytes = useMemo(() => run.series.map((s) => ({ mode: s.mode, points: s.bytes })), [run.series]);
  const lossTitle = run.lossView === 'keras' ? "Loss per batch (Keras' running mean over the epoch)" : 'Loss per batch';

  return (
    <div className="app">
      <header className="app-header">
        <h1>fitscope</h1>
        <p className="muted">What fit, fitDataset, trainOnBatch and a hand-written loop cost in TensorFlow.js: time and memory, batch by batch.</p>
      </header>
      <main className="layout">
        <form className="card settings" onSubmit={onSubmit} aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          <RunControls phase={run.phase} received={run.received} onStop={run.stop} />
          <fieldset className="plain" disabled={busy}>
            <ConfigForm config={config} onChange={setConfig} />
          </fieldset>
        </form>
        <div className="results">
          <BackendBadge info={run.backend} requested={config.backend} phase={run.phase} />
          <Notice items={notices} />
          <MetricChart id="loss" title={lossTitle} description="The loss each batch reported, per mode; x is the batch index within the mode, across epochs. Skipped readbacks leave no point." lines={loss} formatY={formatLoss} />
          <MetricChart id="memory" title="Memory per batch" description="tf.memory().numBytes at each batch end: bytes held by live tensors." lines={bytes} formatY={formatBytes} fromZero />
          <SummaryTable rows={run.summaries} />
        </div>
      </main>
      <footer className="muted">The teacher data set is synthetic: labels come from a fixed, seeded network.</footer>
    </div>
  );
}
