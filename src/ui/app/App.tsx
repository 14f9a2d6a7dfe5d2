// Runs in the page. Settings on the left (from the URL), what the run measures on the right.
import { useEffect, useEffectEvent, useMemo, useRef, type FormEvent } from 'react';
import { combinationProblems } from '../../shared/config-rules';
import { BackendBadge } from '../backend-badge/BackendBadge';
import { isBusy } from '../chart-data/run-book';
import { ConfigForm } from '../config-form/ConfigForm';
import { CsvPicker } from '../csv/CsvPicker';
import { useCsvFile } from '../csv/use-csv-file';
import { useRun } from '../hooks/use-run';
import { useUrlConfig } from '../hooks/use-url-config';
import { useViewSettings } from '../hooks/use-view-settings';
import { isPanelHidden, shownView, type AnyPanelId } from '../../links/view-settings';
import { LazyCodeView } from '../code-view/LazyCodeView';
import { EmbedBar } from '../embed/EmbedBar';
import { useEmbedBridge } from '../embed/use-embed-bridge';
import { LazyPresetGallery } from '../presets/LazyPresetGallery';
import { ShareMenu } from '../share/ShareMenu';
import { describeRunError, urlWarnings, type NoticeItem } from '../notice/messages';
import { Notice } from '../notice/Notice';
import { stopMessage } from '../progress/stop-message';
import { ResultsView } from '../results/ResultsView';
import { RunControls } from '../run-controls/RunControls';
import { usePersistedRuns } from '../storage/use-persisted-runs';
import { useReferenceRuns } from '../refs/use-reference-runs';

export function App() {
  const url = useUrlConfig();
  const { config, setConfig, warnings, link } = url;
  const autorun = link.page.autorun;
  const run = useRun();
  // The charts' view settings live in the address bar with the config; the embed view hides a few more panels.
  const shown = useMemo(() => shownView(link), [link]);
  const view = useViewSettings({ value: shown, onChange: url.setView });
  const hidden = (panel: AnyPanelId) => isPanelHidden(link, panel);
  const embed = link.page.embed;
  // Kept runs survive a reload (the embed view only with keep=1); a link's reference runs load before any run.
  const keptNotices = usePersistedRuns(run.book, !embed || link.page.keep);
  const refNotices = useReferenceRuns(run.book, link.page.refs);
  // Framed by another page: its postMessage API (ready, progress, run-end, error; run, stop, set-config).
  useEmbedBridge({ config, setConfig, run });
  // The user's CSV: read in the worker; once it reads cleanly the data set switches to it, never before.
  const csv = useCsvFile(run.inspectCsv);
  const csvReady = csv.state.phase === 'ready' ? csv.state.csv : null;
  // Only when a file has just been read, with the settings as they are then (not each time they change).
  const switchToCsv = useEffectEvent(() => setConfig({ ...config, dataset: 'csv' }));
  useEffect(() => {
    if (csvReady) switchToCsv();
  }, [csvReady]);
  const startRun = () => {
    if (config.dataset === 'csv' && !csv.chosen) return;
    run.start(config, csv.chosen?.csv);
  };

  // Only once, with the config the page was opened with.
  const autorunDone = useRef(false);
  const startAutorun = useEffectEvent(() => {
    if (!autorun || autorunDone.current) return;
    autorunDone.current = true;
    startRun();
  });
  useEffect(() => startAutorun(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startRun();
  };

  const notices = useMemo<NoticeItem[]>(() => {
    const items = urlWarnings(warnings);
    // Knobs without effect are harmless here (the CLI refuses them): say so, and let the run go ahead.
    for (const problem of combinationProblems(config)) items.push({ kind: 'info', text: `No effect: ${problem}.` });
    if (config.dataset === 'csv' && !csv.chosen)
      items.push({ kind: 'info', text: 'Choose a CSV file to train on: a link cannot carry the file itself.' });
    if (run.phase === 'failed') items.push(describeRunError(run.error));
    const result = run.result;
    if (result && result.receivedBatches < result.totalBatches) {
      items.push({
        kind: 'warning',
        text: `The charts got ${result.receivedBatches} of ${result.totalBatches} batches; the rest did not arrive in time. The summary table is complete.`,
      });
    }
    for (const s of result?.summaries ?? []) if (s.refused) items.push({ kind: 'warning', text: `${s.mode} did not run: ${s.refused}` });
    const stopped = run.latest && stopMessage(run.latest);
    if (stopped) items.push({ kind: 'info', text: stopped });
    items.push(...keptNotices, ...refNotices);
    return items;
  }, [warnings, config, run.phase, run.error, run.result, run.latest, csv.chosen, keptNotices, refNotices]);

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {embed ? (
        <EmbedBar config={config} link={link} />
      ) : (
        <header className="app-header">
          {!hidden('share') && <ShareMenu config={config} link={link} />}
          <h1>fitscope</h1>
          <p className="muted">
            What fit, fitDataset, trainOnBatch and a hand-written loop cost in TensorFlow.js: time and memory, batch by batch.
          </p>
        </header>
      )}
      <main className="layout">
        <form
          className="card settings"
          onSubmit={onSubmit}
          {...(hidden('settings') ? { 'aria-label': 'Run' } : { 'aria-labelledby': 'settings-heading' })}
        >
          {!hidden('settings') && <h2 id="settings-heading">Settings</h2>}
          <RunControls phase={run.phase} run={run} onStop={run.stop} />
          {!hidden('settings') && (
            <fieldset className="plain" disabled={isBusy(run.phase)}>
              <ConfigForm config={config} onChange={setConfig} />
              {config.dataset === 'csv' && (
                <CsvPicker state={csv.state} onFile={(file) => void csv.load(file, file.name)} onLabel={csv.chooseLabel} />
              )}
            </fieldset>
          )}
        </form>
        <div className="results">
          {!hidden('badge') && <BackendBadge info={run.backend} requested={config.backend} phase={run.phase} />}
          {!hidden('notice') && <Notice items={notices} />}
          <ResultsView run={run} view={view} config={config} />
        </div>
      </main>
      {!hidden('code') && <LazyCodeView config={config} />}
      {!hidden('presets') && <LazyPresetGallery config={config} />}
      {!embed && <footer className="muted">The teacher data set is synthetic: labels come from a fixed, seeded network.</footer>}
    </div>
  );
}
