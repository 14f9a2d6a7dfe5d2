// The Keras driver without Keras: one line that says what is missing and how to get it, exit 5; bad flags
// exit 2. Also its pure parts: the extra flags, the package-index choice, and the knob notes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knobNotes } from '../../src/cli/keras/knobs';
import { takeKerasFlags } from '../../src/cli/keras/options';
import { MISSING_EXIT, venvPython } from '../../src/cli/keras/paths';
import { chooseIndex, indexUrlsFromPipConfig } from '../../src/cli/keras/pip-index';
import { findSystemPython } from '../../src/cli/keras/venv';
import { DEFAULT_CONFIG, cloneConfig, type RunConfig } from '../../src/shared/config';

const keras = (args: string[]) => spawnSync('npx', ['tsx', 'src/cli/keras.ts', ...args], { encoding: 'utf8', timeout: 300_000 });
const base = (overrides: Partial<RunConfig> = {}): RunConfig => ({ ...cloneConfig(DEFAULT_CONFIG as RunConfig), ...overrides });
const system = findSystemPython();

describe('keras CLI', () => {
  it('exits 5 with one line when the Python is not there', () => {
    const result = keras(['--samples', '64', '--python', '/nonexistent/python']);
    expect(result.status).toBe(MISSING_EXIT);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('fitscope keras:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/npm run keras:setup/);
  });

  it.skipIf('reason' in system)('exits 5 naming the missing package in a Python without TensorFlow', { timeout: 300_000 }, () => {
    if ('reason' in system) return;
    const dir = mkdtempSync(join(tmpdir(), 'fitscope-bare-venv-'));
    try {
      expect(spawnSync(system.python, ['-m', 'venv', '--without-pip', dir]).status).toBe(0);
      const result = keras(['--samples', '64', '--modes', 'fit', '--python', venvPython(dir)]);
      expect(result.status).toBe(MISSING_EXIT);
      expect(result.stderr).toMatch(/fitscope keras: (numpy|tensorflow|keras) is not installed in .*; run `npm run keras:setup`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a bad Keras flag or a bad bench flag', () => {
    expect(keras(['--threads', 'many']).status).toBe(2);
    expect(keras(['--samples', 'lots']).status).toBe(2);
  });
});

describe('Keras flags', () => {
  it('takes --threads, --workers, --python and --shared-process out and leaves bench flags in order', () => {
    const { flags, rest } = takeKerasFlags([
      '--samples',
      '64',
      '--threads',
      '0',
      '--python=/x/py',
      '--json',
      '--workers',
      '3',
      '--shared-process',
      '--batch',
      '8',
    ]);
    expect(flags).toEqual({ threads: 0, workers: 3, python: '/x/py', isolate: false });
    expect(rest).toEqual(['--samples', '64', '--json', '--batch', '8']);
    expect(takeKerasFlags([]).flags).toEqual({ threads: 1, workers: 2, isolate: true });
    expect(() => takeKerasFlags(['--workers', '0'])).toThrow(/at least 1/);
    expect(() => takeKerasFlags(['--python'])).toThrow(/needs a path/);
  });
});

describe('package index', () => {
  const config = [
    ":env:.find-links='/opt/wheels'",
    "global.index-url='https://pypi.org/simple'",
    "global.extra-index-url='file:///opt/pypi/simple file:///opt/pypi-more/simple'",
  ].join('\n');

  it('reads index URLs from `pip config list`, index-url first', () => {
    expect(indexUrlsFromPipConfig(config)).toEqual(['https://pypi.org/simple', 'file:///opt/pypi/simple', 'file:///opt/pypi-more/simple']);
  });

  it('uses only the local indexes when there are any', () => {
    expect(chooseIndex(config).env).toEqual({
      PIP_INDEX_URL: 'file:///opt/pypi/simple',
      PIP_EXTRA_INDEX_URL: 'file:///opt/pypi-more/simple',
    });
    expect(chooseIndex("global.index-url='http://localhost:8080/simple'").env.PIP_INDEX_URL).toBe('http://localhost:8080/simple');
  });

  it("leaves pip's settings alone, and says so, without a local index", () => {
    expect(chooseIndex("global.index-url='https://pypi.org/simple'")).toMatchObject({ env: {}, description: /no local package index/ });
    expect(chooseIndex(null)).toMatchObject({ env: {}, description: /failed/ });
  });
});

describe('knob notes', () => {
  it('says nothing for the default setup beyond what Keras does differently by itself', () => {
    expect(knobNotes(base({ modes: ['fit', 'trainOnBatch', 'loop'] }), { workers: 2 })).toEqual([]);
    expect(knobNotes(base({ modes: ['fitDataset'] }), { workers: 2 })).toEqual([expect.stringMatching(/prefetch\(AUTOTUNE\)/)]);
  });

  it('gives one line per knob that Keras has no counterpart for', () => {
    const cases: [Partial<RunConfig>, RegExp][] = [
      [{ backend: 'wasm' }, /^backend=wasm/],
      [{ readback: 'epoch', modes: ['fit'] }, /^readback=epoch/],
      [{ yieldEvery: 'auto' }, /^yield-every=auto/],
      [{ lossView: 'keras' }, /^loss=keras/],
      [{ budgetMb: 64 }, /^budget-mb/],
      [{ leak: true, modes: ['loop'] }, /^leak=1/],
      [{ shuffle: true, modes: ['fit'] }, /^shuffle/],
      [{ source: 'compute', modes: ['fitDataset'] }, /^source=compute/],
      [{ augment: 2, modes: ['fitDataset'] }, /^augment=2/],
      [{ genYields: 'samples', modes: ['fitDataset'] }, /^gen-yields=samples/],
      [{ prefetch: 4, modes: ['fitDataset'] }, /^prefetch=4: keras\.utils\.PyDataset\(workers=2, max_queue_size=4\)/],
    ];
    const quiet = knobNotes(base({ modes: ['fit'] }), { workers: 2 });
    for (const [overrides, line] of cases) {
      const notes = knobNotes(base({ modes: ['fit'], ...overrides }), { workers: 2 }).filter(
        (n) => !quiet.includes(n) && !/prefetch\(AUTOTUNE\)/.test(n),
      );
      expect(notes, JSON.stringify(overrides)).toEqual([expect.stringMatching(line)]);
    }
  });
});
