// Runs in the page. The postMessage API for a page that frames fitscope (README: "Embedding"). Only when the
// page is framed (window.parent !== window): posts ready, progress (at most 4 a second), run-end with the
// summaries, and error to the parent; acts on run, stop and set-config from the parent (and from its origin
// only, where the browser says which it is). Message shapes and checks live in src/links/embed-protocol.ts.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RunConfig } from '../../shared/config';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import { acceptsOrigin, appMessage, parentOrigin, PROTOCOL_VERSION, readHostMessage, type AppMessage } from '../../links/embed-protocol';
import { isBusy, type RunPhase } from '../chart-data/run-book';
import { PROGRESS_INTERVAL_MS } from '../progress/progress-math';

/** What the bridge needs of the page's run (useRun's RunView has it). */
export interface BridgeRun {
  phase: RunPhase;
  result: { summaries: ModeSummary[]; backend: BackendInfo; stopped: boolean; totalBatches: number } | null;
  error: unknown;
  /** The latest run's finished modes so far. */
  summaries: readonly ModeSummary[];
  /** The latest run (an object that stays the same for the run), or null before the first. */
  latest: { received: number; config: RunConfig } | null;
  start(config: RunConfig): void;
  stop(): void;
}

export interface EmbedBridgeOptions {
  config: RunConfig;
  setConfig(config: RunConfig): void;
  run: BridgeRun;
}

function errorText(error: unknown): string {
  const e = error as Error | undefined;
  return e?.message ? `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}` : String(error);
}

export function useEmbedBridge({ config, setConfig, run }: EmbedBridgeOptions): void {
  const framed = typeof window !== 'undefined' && window.parent !== window;
  // The handler reads the latest props through a ref, so the listener is added once.
  const latest = useRef({ config, setConfig, run });
  // After each commit, not during render (a render React throws away must not leave its props behind).
  useLayoutEffect(() => {
    latest.current = { config, setConfig, run };
  });
  const target = useRef<string | null>(null);

  const post = (message: AppMessage) => {
    // Where the parent's origin is known, only it may read what the app says; otherwise any parent may.
    window.parent.postMessage(message, target.current ?? '*');
  };

  useEffect(() => {
    if (!framed) return;
    target.current = parentOrigin(window.location.ancestorOrigins, document.referrer);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !acceptsOrigin(event.origin, target.current)) return;
      const result = readHostMessage(event.data);
      if (result.kind === 'ignore') return;
      if (result.kind === 'invalid') return post(appMessage('error', { message: result.message, problems: result.problems }));
      const { run: current, setConfig: set } = latest.current;
      const command = result.command;
      if (command.type === 'stop') return current.stop();
      if (isBusy(current.phase)) return post(appMessage('error', { message: `${command.type}: a run is in progress; send stop first` }));
      if (command.config) set(command.config);
      if (command.type === 'run') current.start(command.config ?? latest.current.config);
    };
    window.addEventListener('message', onMessage);
    post(appMessage('ready', { version: PROTOCOL_VERSION, config: latest.current.config }));
    return () => window.removeEventListener('message', onMessage);
  }, [framed]);

  // Progress: polled, so it needs no animation frames (a framed page out of view gets few).
  const busy = isBusy(run.phase);
  useEffect(() => {
    if (!framed || !busy) return;
    let last = -1;
    const timer = setInterval(() => {
      const { run: current } = latest.current;
      const record = current.latest;
      if (!record || !isBusy(current.phase)) return;
      if (record.received === last) return;
      last = record.received;
      post(
        appMessage('progress', {
          phase: current.phase,
          batches: record.received,
          modesDone: current.summaries.length,
          modes: record.config.modes.length,
        }),
      );
    }, PROGRESS_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [framed, busy]);

  // The end of each run, once.
  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (!framed || !run.latest || reported.current === run.latest) return;
    if (run.phase === 'done' && run.result) {
      reported.current = run.latest;
      post(
        appMessage('run-end', {
          config: run.latest.config,
          summaries: run.result.summaries,
          backend: run.result.backend,
          stopped: run.result.stopped,
          batches: run.result.totalBatches,
        }),
      );
    } else if (run.phase === 'failed') {
      reported.current = run.latest;
      post(appMessage('error', { message: errorText(run.error) }));
    }
  }, [framed, run.phase, run.result, run.latest, run.error]);
}
