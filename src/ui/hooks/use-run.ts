// Runs in the page. One run at a time through the trainer client: metrics go straight into a bounded series
// store (a ref), and the charts re-render once per animation frame at most.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LossView, RunConfig } from '../../shared/config';
import type { BackendInfo, ModeSummary } from '../../shared/metrics';
import { TrainerClient, type ClientRunResult } from '../../client/trainer-client';
import { SeriesStore, type ModeSeries } from '../chart-data/series-store';
import { useFrameTick } from './use-frame-tick';

export type RunPhase = 'idle' | 'running' | 'stopping' | 'done' | 'failed';

interface RunState {
  phase: RunPhase;
  backend: BackendInfo | null;
  result: ClientRunResult | null;
  error: unknown;
  /** The loss the charts show, fixed when the run starts. */
  lossView: LossView;
  /** Summaries of the modes finished so far; the result's list replaces them at the end. */
  finished: ModeSummary[];
}

export interface RunView extends RunState {
  summaries: readonly ModeSummary[];
  series: readonly ModeSeries[];
  /** Batches received so far in this run. */
  received: number;
  start(config: RunConfig): void;
  stop(): void;
}

const IDLE: RunState = { phase: 'idle', backend: null, result: null, error: null, lossView: 'batch', finished: [] };

export function useRun(): RunView {
  const client = useRef<TrainerClient | null>(null);
  const store = useRef<SeriesStore | null>(null);
  store.current ??= new SeriesStore();
  const [state, setState] = useState<RunState>(IDLE);
  const [tick, requestFrame] = useFrameTick();
  const generation = useRef(0);

  const start = useCallback(
    (config: RunConfig) => {
      client.current ??= new TrainerClient();
      if (client.current.running) return;
      const mine = ++generation.current;
      const series = new SeriesStore({ loss: config.lossView === 'keras' ? 'meanLoss' : 'loss' });
      store.current = series;
      requestFrame();
      setState({ ...IDLE, phase: 'running', lossView: config.lossView });
      client.current
        .run(config, {
          onMetrics: (metrics) => {
            series.append(metrics);
            requestFrame();
          },
          onBackend: (backend) => setState((s) => ({ ...s, backend })),
          onModeEnd: (summary) => setState((s) => ({ ...s, finished: [...s.finished, summary] })),
        })
        .then(
          (result) => generation.current === mine && setState((s) => ({ ...s, phase: 'done', result, backend: result.backend })),
          (error: unknown) => generation.current === mine && setState((s) => ({ ...s, phase: 'failed', error })),
        );
    },
    [requestFrame],
  );

  const stop = useCallback(() => {
    if (!client.current?.running) return;
    client.current.stop();
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'stopping' } : s));
  }, []);

  // The store is mutable: tick is what says it changed.
  const series = useMemo(() => store.current!.view(), [tick]);
  const received = store.current.total;

  return { ...state, summaries: state.result?.summaries ?? state.finished, series, received, start, stop };
}
