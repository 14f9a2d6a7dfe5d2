// Runs everywhere (types only). The worker's API, typed once: the worker implements it, the client wraps it.
import type { RunConfig } from './config';
import type { CsvFile, CsvInspection } from './csv';
import type { BackendInfo, ModeSummary, RunResult } from './metrics';
import type { MetricChunk } from './metric-chunk';

export interface RunEvents {
  /** Called with coalesced per-batch metrics, a few dozen times a second at most. */
  onMetrics(chunk: MetricChunk): void;
  /** Called once the backend is active, before the first batch. */
  onBackend(info: BackendInfo): void;
  /** Called when a mode is done (after its last metrics), so a long run's table fills as it goes. */
  onModeEnd?(summary: ModeSummary): void;
  /**
   * true: the worker is about to train whole epochs without a turn of its event loop (a mode without per-batch
   * callbacks), so it answers pings only between epochs; false: it answers promptly again.
   */
  onQuiet?(quiet: boolean): void;
}

export interface TrainerApi {
  /** Runs every mode of `config` in turn and resolves with their summaries. One run at a time. */
  start(runId: number, config: RunConfig, events: RunEvents, csv?: CsvFile): Promise<RunResult>;
  /** Reads a CSV file once (in the worker) for the preview; rejects with InvalidDataError naming line and column. */
  inspectCsv(csv: CsvFile): Promise<CsvInspection>;
  /** Answers at once: the page's sign that the worker is alive. */
  ping(): Promise<number>;
  /** Asks run `runId` to stop after its current batch; resolves at once. */
  stop(runId: number): Promise<void>;
}
