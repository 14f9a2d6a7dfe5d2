// Runs in Node. The Keras runner's Python: a venv under the project with TensorFlow (CPU) and Keras, made
// once from the package index pip is configured with (see pip-index.ts) and reused after. Tests call
// ensureKerasVenv too; a lock folder keeps two of them from building the same venv at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseIndex, readPipConfig } from './pip-index';
import { KERAS_REQUIREMENTS, KERAS_RUNNER, SETUP_HINT, kerasVenvDir, venvPython } from './paths';

export interface KerasVersions {
  keras: string;
  tensorflow: string;
  numpy: string;
  python: string;
  kerasBackend: string;
}

export type Probe = { ok: true; versions: KerasVersions } | { ok: false; reason: string };

const RESULT_PREFIX = 'FITSCOPE_RESULT ';
const READY_MARK = '.fitscope-ready';
const LOCK_STALE_MS = 20 * 60_000;

/** Asks the runner itself whether this Python has what it needs; on failure, the runner's one-line reason. */
export function probeKeras(python: string): Probe {
  if (!existsSync(python)) return { ok: false, reason: `no Python at ${python}; run \`${SETUP_HINT}\`` };
  const result = spawnSync(python, [KERAS_RUNNER, '--probe'], { encoding: 'utf8', timeout: 120_000 });
  const line = result.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (result.status === 0 && line) return { ok: true, versions: JSON.parse(line.slice(RESULT_PREFIX.length)) as KerasVersions };
  const said = (result.stderr ?? '').trim().split('\n').filter(Boolean).pop();
  return { ok: false, reason: said ?? `${python} --probe exited with ${result.status ?? result.signal ?? result.error?.message}` };
}

/** A system Python 3.9+ to make the venv from, or why there is none. */
export function findSystemPython(candidates = ['python3', 'python']): { python: string } | { reason: string } {
  for (const python of candidates) {
    const result = spawnSync(python, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    if (result.status !== 0) continue;
    const [major, minor] = result.stdout.trim().split('.').map(Number);
    if (major === 3 && minor >= 9) return { python };
  }
  return { reason: `no Python 3.9+ with the venv module found (tried ${candidates.join(', ')}); install python3 and python3-venv` };
}

export interface SetupOptions {
  venvDir?: string;
  log?: (line: string) => void;
}

export type SetupResult = ({ ok: true; python: string; versions: KerasVersions; reused: boolean } | { ok: false; reason: string }) & {
  venvDir: string;
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

function build(venvDir: string, log: (line: string) => void): SetupResult {
  const python = venvPython(venvDir);
  const system = findSystemPython();
  if ('reason' in system) return { ok: false, reason: system.reason, venvDir };
  const index = chooseIndex(readPipConfig(system.python));
  log(`keras setup: ${index.description}`);
  const env = { ...process.env, ...index.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  if (!existsSync(python)) {
    log(`keras setup: creating the venv ${venvDir}`);
    const made = run(system.python, ['-m', 'venv', venvDir], env);
    if (!made.ok)
      return { ok: false, reason: `${system.python} -m venv ${venvDir} failed: ${made.output.trim().split('\n').pop()}`, venvDir };
  }
  log(`keras setup: installing ${KERAS_REQUIREMENTS} (about 30 s from a local index, 1.6 GB)`);
  const started = Date.now();
  const installed = run(python, ['-m', 'pip', 'install', '-q', '-r', KERAS_REQUIREMENTS], env);
  if (!installed.ok) {
    const lastLines = installed.output
      .trim()
      .split('\n')
      .filter((l) => !/is ignored: it is neither a file nor a directory/.test(l))
      .slice(-5)
      .join('\n  ');
    return { ok: false, reason: `pip install failed:\n  ${lastLines}`, venvDir };
  }
  const probe = probeKeras(python);
  if (!probe.ok) return { ok: false, reason: `installed, but the runner's probe fails: ${probe.reason}`, venvDir };
  writeFileSync(join(venvDir, READY_MARK), `${JSON.stringify(probe.versions)}\n`);
  log(
    `keras setup: Keras ${probe.versions.keras} / TensorFlow ${probe.versions.tensorflow} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { ok: true, python, versions: probe.versions, reused: false, venvDir };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withLock<T>(lockDir: string, work: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a killed setup would block forever: past the longest install, it is taken over.
      const info = statSync(lockDir, { throwIfNoEntry: false });
      if (!info) continue; // released between the two calls
      if (Date.now() - info.mtimeMs > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** The venv's Python, ready: reused when a finished setup is there and its probe passes, else (re)installed. */
export async function ensureKerasVenv(options: SetupOptions = {}): Promise<SetupResult> {
  const venvDir = options.venvDir ?? kerasVenvDir();
  const log = options.log ?? (() => {});
  const python = venvPython(venvDir);
  const reuse = (): SetupResult | null => {
    if (!existsSync(join(venvDir, READY_MARK))) return null;
    const probe = probeKeras(python);
    return probe.ok ? { ok: true, python, versions: probe.versions, reused: true, venvDir } : null;
  };
  const ready = reuse();
  if (ready) return ready;
  return withLock(`${venvDir}.lock`, () => reuse() ?? build(venvDir, log));
}
