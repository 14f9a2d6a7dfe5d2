// Runs in the worker and in Node tests. The trainer API object: one run at a time, the engine's per-batch
// metrics packed into columnar chunks and flushed at most every FLUSH_INTERVAL_MS. No Comlink here: the host
// injects tf, the backend probes and how a chunk is marked for transfer.
import type { BackendName, RunConfig } from '../shared/config';
import { normalizeConfig } from '../shared/config-coerce';
import { ERROR_NAMES, FitscopeError } from '../shared/errors';
import { MetricPacker, type MetricChunk } from '../shared/metric-chunk';
import type { BackendInfo, RunResult } from '../shared/metrics';
import type { MachineInfo } from '../shared/machine';
import type { RunEvents, TrainerApi } from '../shared/trainer-api';
import { activateBackend, type BackendProbes } from '../engine/backend';
import { scanCsvInput, type CsvInput } from '../engine/data/csv/source';
import { kernelsFor } from '../engine/kernels';
import { BROWSER_WORKER_LIMITS, hostLimits, type HostLimits } from '../engine/memory-estimate';
import { readBackendLimits } from '../engine/memory/read-limits';
import { useKernelSet } from '../engine/kernel-set';
import type { CsvFile, CsvInspection } from '../shared/csv';
import { runExperiment, type RunHooks } from '../engine/run';
import type { StopSignal } from '../engine/batch-recorder';
import type { Tf } from '../engine/tf';

export const FLUSH_INTERVAL_MS = 50;

export interface TrainerDeps {
  tf: Tf;
  /** Explain why a backend cannot run here (e.g. WebGPU without an adapter). */
  probes?: BackendProbes;
  /** Backends tried by 'auto', in order. Defaults to the engine's webgpu → webgl → wasm → cpu. */
  available?: readonly BackendName[];
  /** Marks a chunk's buffer for transfer (Comlink.transfer in the worker); identity in Node. */
  transfer?: (chunk: MetricChunk, transferables: Transferable[]) => MetricChunk;
  /** Called once a run is over and every event has been sent (the worker releases the events proxy). */
  releaseEvents?: (events: RunEvents) => void;
  /** Shard files for config.source = 'shards', where the host has them. */
  openShards?: RunHooks['openShards'];
  /** fitscope's data files (mnist, iris, penguins): fetched over HTTP in the worker, read from disk in Node. */
  assets?: RunHooks['assets'];
  /** What this host can hold at all, with no budget set (defaults to a browser worker's limits). */
  limits?: Readonly<HostLimits>;
  /** What made the run (backend, adapter, cores, browser…), read once the backend is active. */
  machineInfo?: (backend: BackendInfo) => Promise<MachineInfo>;
  now?: () => number;
  flushIntervalMs?: number;
}

interface ActiveRun {
  runId: number;
  signal: StopSignal;
}

/** Calls an event without waiting for it; a proxied call returns a promise whose failure must not go unhandled. */
function fire(call: () => unknown): void {
  try {
    const result = call();
    if (result && typeof (result as Promise<unknown>).catch === 'function') (result as Promise<unknown>).catch(() => {});
  } catch {
    // The page went away or its handler failed: training does not depend on the viewer.
  }
}

/** The page's File as the engine's CSV input: streamed from disk with File.stream() on every pass. */
function csvInput(csv: CsvFile): CsvInput {
  return { name: csv.name, open: () => csv.file.stream(), ...(csv.label ? { label: csv.label } : {}) };
}

export function createTrainer(deps: TrainerDeps): TrainerApi {
  const { tf, probes = {}, available } = deps;
  const transfer = deps.transfer ?? ((chunk) => chunk);
  const now = deps.now ?? (() => performance.now());
  const flushInterval = deps.flushIntervalMs ?? FLUSH_INTERVAL_MS;
  let active: ActiveRun | null = null;

  async function start(runId: number, rawConfig: RunConfig, events: RunEvents, csv?: CsvFile): Promise<RunResult> {
    // Claimed before the first await, so two starts in the same turn cannot both pass.
    if (active) throw new FitscopeError(ERROR_NAMES.runInProgress, `Run ${active.runId} is still in progress; stop it first`);
    const run: ActiveRun = { runId, signal: { stopped: false } };
    active = run;
    const packer = new MetricPacker();
    let lastFlush = now();
    const flush = (): void => {
      if (packer.size === 0) return;
      const chunk = packer.take();
      fire(() => events.onMetrics(transfer(chunk, [chunk.data.buffer])));
      lastFlush = now();
    };
    try {
      // The message may come from anywhere: rebuild it as the URL decoder would, but refuse instead of repairing.
      const { config, warnings } = normalizeConfig(rawConfig as unknown as Record<string, unknown>, 'name');
      if (warnings.length) throw new FitscopeError(ERROR_NAMES.invalidConfig, `Invalid run configuration: ${warnings.join('; ')}`);
      useKernelSet(tf, config.kernels);
      // Probes run first, so a backend that never registered (no navigator.gpu) is reported with the reason.
      const backend = await activateBackend(tf, config.backend, probes, available, kernelsFor(config));
      // Facts are a label, never a reason for a run to fail.
      const machine = await deps.machineInfo?.(backend).catch(() => undefined);
      // Awaited (one round trip per run) so the page knows the backend before the first chunk arrives.
      await events.onBackend(backend);
      lastFlush = now();
      const experiment = await runExperiment(tf, config, backend.active, {
        signal: run.signal,
        limits: hostLimits(deps.limits ?? BROWSER_WORKER_LIMITS, readBackendLimits(tf)),
        openShards: deps.openShards,
        assets: deps.assets,
        ...(csv ? { csv: csvInput(csv) } : {}),
        onBatch(row) {
          packer.push(row);
          // Time is checked here, between batches: no timer runs inside the training loop.
          if (now() - lastFlush >= flushInterval) flush();
        },
        onModeEnd(summary) {
          // The mode's last rows first: both travel on the events port, in order.
          flush();
          fire(() => events.onModeEnd?.(summary));
        },
        onQuiet(quiet) {
          fire(() => events.onQuiet?.(quiet));
        },
      });
      flush();
      return { runId, backend, ...(machine ? { machine } : {}), ...experiment };
    } finally {
      flush();
      if (active === run) active = null;
      deps.releaseEvents?.(events);
    }
  }

  async function stop(runId: number): Promise<void> {
    if (active && active.runId === runId) active.signal.stopped = true;
  }

  async function inspectCsv(csv: CsvFile): Promise<CsvInspection> {
    return (await scanCsvInput(csvInput(csv))).inspection;
  }

  return { start, stop, inspectCsv, ping: async () => now() };
}
