// Runs in Node. Reference runs: the `ref` and `keep` link keys, the same-origin file address for shipped names
// only, loading with one notice per file that cannot be used, the shipped files themselves (each imports and
// matches its preset), and the thinning that keeps them small.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery } from '../../src/links/url-codec';
import { PRESETS, presetConfig } from '../../src/presets/presets';
import { REFERENCE_RUNS } from '../../src/links/reference-runs';
import { DEFAULT_CONFIG } from '../../src/shared/config';
import { chunkSteps, packMetrics } from '../../src/shared/metric-chunk';
import { COL, METRIC_WIDTH } from '../../src/shared/metric-row';
import { RunBook } from '../../src/ui/chart-data/run-book';
import { addRuns } from '../../src/ui/import/add-runs';
import { readResultText } from '../../src/ui/import/read-result';
import { loadReferences } from '../../src/ui/refs/load-references';
import { referenceUrl } from '../../src/ui/refs/reference-url';
import { thinRows } from '../../src/ui/refs/thin-rows';
import { metrics } from './fixtures';

const REFS = fileURLToPath(new URL('../../public/refs/', import.meta.url));
const PAGE = 'https://example.org/docs/fitscope/index.html?ref=small-data-fit';

describe('the ref and keep link keys', () => {
  it('read shipped names and refuse anything else with a warning', () => {
    expect(decodeQuery('?ref=small-data-fit,leaky-loop').page.refs).toEqual(['small-data-fit', 'leaky-loop']);
    for (const bad of [
      '../secret',
      'https://evil.example/x.json',
      'refs/small-data-fit',
      'small-data-fit.json',
      '%2e%2e%2fx',
      'SMALL DATA',
    ]) {
      const { page, warnings } = decodeQuery(`?ref=${encodeURIComponent(bad)}`);
      expect(page.refs, bad).toEqual([]);
      expect(warnings.join(), bad).toMatch(/^ref: ignored/);
    }
    expect(decodeQuery('?embed=1&keep=1').page).toMatchObject({ embed: true, keep: true });
    expect(decodeQuery('?embed=1').page.keep).toBe(false);
  });

  it('are written back into links', () => {
    const query = encodeQuery(DEFAULT_CONFIG, { page: { refs: ['slow-io'], keep: true } });
    expect(query).toContain('ref=slow-io');
    expect(query).toContain('keep=1');
    expect(decodeQuery(`?${query}`).page).toMatchObject({ refs: ['slow-io'], keep: true });
  });
});

describe('the address of a reference file', () => {
  it('is refs/<name>.json relative to the page, on its sub-path', () => {
    expect(referenceUrl('small-data-fit', PAGE)).toEqual({ url: 'https://example.org/docs/fitscope/refs/small-data-fit.json' });
  });

  it('exists only for shipped names', () => {
    for (const bad of ['../x', 'https://evil.example/a', '//evil.example/a', 'a/b', 'x?y', 'small-data-fit/../../x', 'not-shipped']) {
      expect(referenceUrl(bad, PAGE), bad).toEqual({ problem: expect.stringMatching(/is not one of the reference runs/) });
    }
  });
});

describe('loading references', () => {
  const file = readFileSync(`${REFS}slow-io.json`, 'utf8');
  const serve = (status: number, body: string, length?: number) => async (url: string) => ({
    ok: status === 200,
    status,
    url,
    text: async () => body,
    headers: new Headers(length === undefined ? {} : { 'content-length': String(length) }),
  });

  it('fetches the same-origin file without redirects and reads its runs', async () => {
    const asked: [string, RequestInit][] = [];
    const { runs, notices } = await loadReferences(
      ['slow-io'],
      PAGE,
      async (url, init) => (asked.push([url, init]), serve(200, file)(url)),
    );
    expect(asked).toEqual([['https://example.org/docs/fitscope/refs/slow-io.json', { credentials: 'same-origin', redirect: 'error' }]]);
    expect(notices).toEqual([]);
    expect(runs).toHaveLength(1);
  });

  it('makes one notice per file that cannot be used and loads the rest', async () => {
    const fetcher = async (url: string) => {
      if (url.endsWith('leaky-loop.json')) return serve(404, '')(url);
      if (url.endsWith('fit-wasm-small.json')) return serve(200, '{"tool":"fitscope","runs":[')(url);
      if (url.endsWith('small-data-fit.json')) return serve(200, '{}', 60 * 1024 * 1024)(url);
      return serve(200, file)(url);
    };
    const { runs, notices } = await loadReferences(['leaky-loop', 'slow-io', 'fit-wasm-small', 'small-data-fit', '../x'], PAGE, fetcher);
    expect(runs).toHaveLength(1);
    expect(notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Reference run "leaky-loop" was not loaded: the app answered 404/),
      expect.stringMatching(/^Reference run "fit-wasm-small" was not loaded: the file is not valid JSON/),
      expect.stringMatching(/^Reference run "small-data-fit" was not loaded: the file is larger than/),
      expect.stringMatching(/^Reference run "\.\.\/x" was not loaded: .* is not one of the reference runs/),
    ]);
  });
});

describe('the shipped reference files', () => {
  it('are exactly the names the link key takes', () => {
    const files = readdirSync(REFS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    expect(files).toEqual([...REFERENCE_RUNS].sort());
  });

  it.each(REFERENCE_RUNS.filter((n) => n.startsWith('keras-')))(
    '%s imports as a Keras run of its preset, named by engine, its memory as process RSS',
    (name) => {
      const read = readResultText(readFileSync(`${REFS}${name}.json`, 'utf8'));
      if (!read.ok) throw new Error(read.message);
      const [run] = addRuns(new RunBook(), read.runs, 'reference', 0);
      const preset = PRESETS.find((p) => p.id === name.slice('keras-'.length))!;
      expect({ ...run.config, backend: 'auto' }).toEqual({ ...presetConfig(preset), backend: 'auto' });
      expect(run.engine).toMatch(/^Keras \d+\.\d+\.\d+ \/ TensorFlow \d+\.\d+\.\d+, native CPU, 1 thread$/);
      expect(run.machine?.cores).toBeGreaterThan(0);
      expect(run.summaries.map((s) => s.mode)).toEqual(run.config.modes);
      for (const s of run.summaries) {
        expect(s.peakSource).toBe('process-rss');
        expect(s.msPerBatchMedian).toBeGreaterThan(0);
      }
    },
  );

  it.each(REFERENCE_RUNS.filter((n) => !n.startsWith('keras-')))(
    '%s imports as a finished run of its preset with a machine and per-batch traces',
    (name) => {
      expect(existsSync(`${REFS}${name}.json`)).toBe(true);
      const read = readResultText(readFileSync(`${REFS}${name}.json`, 'utf8'));
      if (!read.ok) throw new Error(read.message);
      const book = new RunBook();
      const [run] = addRuns(book, read.runs, 'reference', 0);
      const preset = PRESETS.find((p) => p.id === name)!;
      expect({ ...run.config, backend: 'auto' }).toEqual({ ...presetConfig(preset), backend: 'auto' });
      expect(run.origin).toBe('reference');
      expect(run.machine?.backend).toBe(run.backend?.active);
      expect(run.summaries.map((s) => s.mode)).toEqual(run.config.modes);
      for (const trace of run.traces) {
        const summary = run.summary(trace.mode)!;
        // Thinned records still stand for every batch the mode ran.
        expect(trace.step).toBe(summary.batches);
        expect(trace.buffer.count).toBeLessThanOrEqual(256);
      }
    },
  );
});

describe('thinning', () => {
  const chunk = packMetrics([
    ...metrics('fit', 10, 5, 32, (i) => ({ ms: i + 1, stepPeakBytes: 100 + (i % 5 === 2 ? 50 : 0), valLoss: i % 5 === 4 ? 0.5 : NaN })),
    ...metrics('loop', 4, 2),
  ]);

  it('keeps every step, the total time, the peaks and each epoch end', () => {
    const thin = thinRows(chunk, 2);
    expect(chunkSteps(thin)).toBe(chunkSteps(chunk));
    const rows = Array.from({ length: thin.count }, (_, i) => thin.data.subarray(i * METRIC_WIDTH, (i + 1) * METRIC_WIDTH));
    const fit = rows.filter((r) => r[COL.mode] === 0);
    // Two epochs of 5 with k = 5: one record per epoch, never across an epoch's end.
    expect(fit.map((r) => [r[COL.epoch], r[COL.batch], r[COL.steps]])).toEqual([
      [0, 4, 5],
      [1, 4, 5],
    ]);
    expect(fit.reduce((s, r) => s + r[COL.ms] * r[COL.steps], 0)).toBe(55);
    expect(fit.map((r) => r[COL.stepPeakBytes])).toEqual([150, 150]);
    expect(fit.map((r) => r[COL.valLoss])).toEqual([0.5, 0.5]);
    expect(fit.map((r) => r[COL.samplesSeen])).toEqual([160, 320]);
  });

  it('leaves short runs as they are', () => {
    const thin = thinRows(chunk, 100);
    expect(Array.from(thin.data)).toEqual(Array.from(chunk.data));
  });
});
