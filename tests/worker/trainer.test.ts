// Runs in Node: the worker's trainer in-process on the cpu backend, with plain functions as its events.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../src/shared/config';
import { ERROR_NAMES } from '../../src/shared/errors';
import { chunkSteps, unpackChunk, type MetricChunk } from '../../src/shared/metric-chunk';
import type { BackendInfo, BatchMetric } from '../../src/shared/metrics';
import type { RunEvents } from '../../src/shared/trainer-api';
import { createTrainer } from '../../src/worker/trainer';

function config(overrides: Partial<RunConfig>): RunConfig {
  return { ...cloneConfig(DEFAULT_CONFIG as RunConfig), backend: 'cpu', features: 4, hidden: [8], epochs: 1, ...overrides };
}

interface Recorded {
  events: RunEvents;
  log: string[];
  chunks: MetricChunk[];
  backends: BackendInfo[];
  rows(): BatchMetric[];
}

function recordEvents(onChunk?: (chunk: MetricChunk) => void): Recorded {
  const log: string[] = [];
  const chunks: MetricChunk[] = [];
  const backends: BackendInfo[] = [];
  return {
    log,
    chunks,
    backends,
    rows: () => chunks.flatMap(unpackChunk),
    events: {
      onMetrics(chunk) {
        log.push('metrics');
        chunks.push(chunk);
        onChunk?.(chunk);
      },
      onBackend(info) {
        log.push('backend');
        backends.push(info);
      },
      onModeEnd(summary) {
        // The rows received so far, so the test can check a mode's rows all came before its summary.
        log.push(`end:${summary.mode}:${chunks.flatMap(unpackChunk).filter((r) => r.mode === summary.mode).length}`);
      },
      onQuiet(quiet) {
        log.push(quiet ? 'quiet' : 'answering');
      },
    },
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('createTrainer', () => {
  it('counts training steps, so records of whole epochs (callbacks off) add up to every batch', async () => {
    const trainer = createTrainer({ tf });
    const rec = recordEvents();
    // 2048 samples / batch 16 = 128 batches an epoch, 3 epochs, 2 modes: 768 batches in 6 records.
    const result = await trainer.start(
      1,
      config({ modes: ['fit', 'fitDataset'], callbacks: false, epochs: 3, samples: 2048, batchSize: 16 }),
      rec.events,
    );
    expect(result.totalBatches).toBe(768);
    expect(rec.chunks.reduce((n, c) => n + c.count, 0)).toBe(6);
    expect(rec.chunks.reduce((n, c) => n + chunkSteps(c), 0)).toBe(result.totalBatches);
    expect(rec.rows().every((r) => r.steps === 128)).toBe(true);
  });

  it('streams coalesced chunks that add up to every batch, after reporting the backend', async () => {
    const trainer = createTrainer({ tf });
    const rec = recordEvents();
    // 4 modes × 64 batches = 256 batches.
    const result = await trainer.start(1, config({ samples: 1024, batchSize: 16 }), rec.events);
    expect(result.runId).toBe(1);
    expect(result.stopped).toBe(false);
    expect(result.totalBatches).toBe(256);
    expect(result.batchCounts).toEqual({ fit: 64, fitDataset: 64, trainOnBatch: 64, loop: 64 });
    expect(result.summaries.map((s) => s.mode)).toEqual(['fit', 'fitDataset', 'trainOnBatch', 'loop']);
    expect(result.backend.active).toBe('cpu');
    expect(rec.backends).toEqual([result.backend]);
    expect(rec.log[0]).toBe('backend');
    expect(rec.log.filter((e) => e === 'backend')).toHaveLength(1);
    expect(rec.chunks.length).toBeGreaterThan(0);
    expect(rec.chunks.length).toBeLessThan(result.totalBatches);
    expect(rec.chunks.reduce((n, c) => n + c.count, 0)).toBe(result.totalBatches);
    const rows = rec.rows();
    for (const mode of ['fit', 'fitDataset', 'trainOnBatch', 'loop'] as const) {
      expect(rows.filter((r) => r.mode === mode)).toHaveLength(64);
    }
    expect(rows.every((r) => Number.isFinite(r.loss))).toBe(true);
    // Each mode's summary follows all of its rows.
    expect(rec.log.filter((e) => e.startsWith('end:'))).toEqual(['end:fit:64', 'end:fitDataset:64', 'end:trainOnBatch:64', 'end:loop:64']);
  });

  it('tells the page when a mode goes quiet (no per-batch callbacks: no turn of the event loop inside an epoch), and when it is over', async () => {
    const trainer = createTrainer({ tf });
    const quiet = recordEvents();
    await trainer.start(3, config({ samples: 256, batchSize: 16, epochs: 2, callbacks: false }), quiet.events);
    // fit and fitDataset each say so before their first row and take it back before their summary; the
    // per-batch modes yield every 50 ms and never go quiet.
    const marks = quiet.log.filter((e) => e !== 'metrics' && e !== 'backend').map((e) => e.replace(/:\d+$/, ''));
    expect(marks).toEqual(['quiet', 'answering', 'end:fit', 'quiet', 'answering', 'end:fitDataset', 'end:trainOnBatch', 'end:loop']);
    expect(quiet.log.indexOf('quiet')).toBeLessThan(quiet.log.indexOf('metrics'));

    const chatty = recordEvents();
    await trainer.start(4, config({ samples: 256, batchSize: 16, epochs: 2 }), chatty.events);
    expect(chatty.log.filter((e) => e === 'quiet' || e === 'answering')).toEqual([]);
  });

  it('flushes at most once per interval however fast batches come', async () => {
    // A fake clock that advances 1 ms on every read: the trainer reads it once per batch and once per flush.
    let clock = 0;
    const trainer = createTrainer({ tf, now: () => (clock += 1), flushIntervalMs: 50 });
    const rec = recordEvents();
    const result = await trainer.start(2, config({ samples: 1024, batchSize: 16 }), rec.events);
    expect(rec.chunks.reduce((n, c) => n + c.count, 0)).toBe(result.totalBatches);
    // A chunk goes out when its interval is up (~49 batches) or when its mode ends (batch 63 of the one epoch).
    for (const chunk of rec.chunks) {
      const rows = unpackChunk(chunk);
      if (rows[rows.length - 1].batch !== 63) expect(chunk.count).toBeGreaterThanOrEqual(45);
    }
    expect(rec.chunks.length).toBeLessThanOrEqual(4 * Math.ceil(64 / 45));
  });

  it('stops mid-run on stop(runId) and leaves no tensors behind', async () => {
    const trainer = createTrainer({ tf });
    const before = tf.memory().numTensors;
    let asked = false;
    const rec = recordEvents(() => {
      if (!asked) {
        asked = true;
        void trainer.stop(7);
      }
    });
    // 12,500 batches per mode: far more than can run before the stop lands. Modes run in table order.
    const result = await trainer.start(7, config({ samples: 100_000, batchSize: 8, modes: ['loop', 'fit'] }), rec.events);
    expect(asked).toBe(true);
    expect(result.stopped).toBe(true);
    expect(result.totalBatches).toBeLessThan(12_500);
    expect(result.summaries.map((s) => s.mode)).toEqual(['fit']);
    expect(rec.chunks.reduce((n, c) => n + c.count, 0)).toBe(result.totalBatches);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ignores stop for another run id', async () => {
    const trainer = createTrainer({ tf });
    let asked = false;
    const rec = recordEvents(() => {
      if (!asked) {
        asked = true;
        void trainer.stop(99);
      }
    });
    const result = await trainer.start(8, config({ samples: 512, batchSize: 16, modes: ['loop'] }), rec.events);
    expect(result.stopped).toBe(false);
    expect(result.totalBatches).toBe(32);
  });

  it('rejects a second start while a run is in progress, then accepts one after it', async () => {
    const trainer = createTrainer({ tf });
    const first = trainer.start(10, config({ samples: 100_000, batchSize: 8, modes: ['loop'] }), recordEvents().events);
    await expect(trainer.start(11, config({ samples: 64 }), recordEvents().events)).rejects.toMatchObject({
      name: ERROR_NAMES.runInProgress,
    });
    await trainer.stop(10);
    const result = await first;
    expect(result.stopped).toBe(true);
    const next = await trainer.start(12, config({ samples: 64, batchSize: 16, modes: ['loop'] }), recordEvents().events);
    expect(next.totalBatches).toBe(4);
  });

  it('fails with BackendUnavailableError, saying why, when the requested backend is not registered', async () => {
    const trainer = createTrainer({ tf });
    const rec = recordEvents();
    const failure = await trainer.start(20, config({ backend: 'webgpu' }), rec.events).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe(ERROR_NAMES.backendUnavailable);
    expect((failure as Error).message).toMatch(/webgpu/);
    expect((failure as Error).message).toMatch(/not available/);
    expect(rec.log).toEqual([]);
    // The failed run does not block the next one.
    const next = await trainer.start(21, config({ samples: 64, batchSize: 16, modes: ['loop'] }), recordEvents().events);
    expect(next.backend.active).toBe('cpu');
  });

  it("puts the host probe's reason in place of the generic one", async () => {
    const probes = { webgpu: async () => ({ unavailable: 'navigator.gpu missing' }) };
    const trainer = createTrainer({ tf, probes, available: ['webgpu', 'cpu'] });
    const failure = await trainer.start(30, config({ backend: 'webgpu' }), recordEvents().events).catch((e: Error) => e);
    expect((failure as Error).name).toBe(ERROR_NAMES.backendUnavailable);
    expect((failure as Error).message).toContain('webgpu: navigator.gpu missing');

    const rec = recordEvents();
    const result = await trainer.start(31, config({ backend: 'auto', samples: 64, batchSize: 16, modes: ['loop'] }), rec.events);
    expect(result.backend.active).toBe('cpu');
    expect(result.backend.fallbacks).toEqual([{ backend: 'webgpu', reason: 'navigator.gpu missing' }]);
    expect(rec.backends[0]).toEqual(result.backend);
  });

  it('refuses a config that is not valid with InvalidConfigError', async () => {
    const trainer = createTrainer({ tf });
    const bad = { ...config({}), samples: -5 } as RunConfig;
    await expect(trainer.start(40, bad, recordEvents().events)).rejects.toMatchObject({ name: ERROR_NAMES.invalidConfig });
  });

  it('inspects a CSV file in the worker and trains on it, streaming the File for the generator', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${Math.sin(i)},${Math.cos(i * 3)},${Math.sin(i) > 0 ? 'up' : 'down'}`);
    const file = new Blob([['s,c,dir', ...rows].join('\n')], { type: 'text/csv' });
    const trainer = createTrainer({ tf });
    const inspection = await trainer.inspectCsv({ file, name: 'waves.csv' });
    expect(inspection).toMatchObject({ rows: 120, label: 'dir', task: 'classification', classes: ['down', 'up'], features: ['s', 'c'] });
    const result = await trainer.start(
      50,
      config({ dataset: 'csv', modes: ['fitDataset', 'loop'], epochs: 2, batchSize: 16 }),
      recordEvents().events,
      { file, name: 'waves.csv' },
    );
    expect(result.summaries.map((s) => s.batches)).toEqual([12, 12]);
    expect(result.summaries.every((s) => s.leakedTensors === 0)).toBe(true);
  });

  it('rejects a malformed CSV with InvalidDataError naming the file, line and column', async () => {
    const trainer = createTrainer({ tf });
    const file = new Blob(['a,b,label\n1,2,x\n3,4\n']);
    await expect(trainer.inspectCsv({ file, name: 'bad.csv' })).rejects.toMatchObject({
      name: ERROR_NAMES.invalidData,
      message: 'bad.csv: line 3 has 2 fields; the header has 3',
    });
    const failure = await trainer
      .start(51, config({ dataset: 'csv' }), recordEvents().events, { file, name: 'bad.csv' })
      .catch((e: Error) => e);
    expect(failure).toMatchObject({ name: ERROR_NAMES.invalidData });
    // The trainer is free again for the next run.
    const ok = await trainer.start(52, config({ samples: 64, batchSize: 16, modes: ['loop'] }), recordEvents().events);
    expect(ok.summaries).toHaveLength(1);
  });
});
