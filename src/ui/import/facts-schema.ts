// Runs in the page (pure). The facts around an imported run's numbers: the backend that ran (BackendInfo), the
// machine (MachineInfo), the verdicts (Comparison) and the noise meter (RunNoise), each rebuilt from checked
// values only.
import { AUTO_BACKEND_ORDER, MODE_NAMES } from '../../shared/config';
import type { AdapterFacts, MachineInfo } from '../../shared/machine';
import type { BackendInfo, Comparison, RunNoise } from '../../shared/metrics';
import { MAX_COMPARISONS, MAX_FALLBACKS } from './limits';
import { at, bool, list, number, numberOrNaN, object, oneOf, optionalText, text } from './json-checks';

const BASES = ['batches', 'repeats'] as const;
const SHORT = 200;

export function readBackend(value: unknown, path: string): BackendInfo {
  const raw = object(value, path);
  const fallbacks = list(raw.fallbacks ?? [], at(path, 'fallbacks'), MAX_FALLBACKS).map((f, i) => {
    const p = at(at(path, 'fallbacks'), i);
    const one = object(f, p);
    return { backend: oneOf(one.backend, at(p, 'backend'), AUTO_BACKEND_ORDER), reason: text(one.reason, at(p, 'reason')) };
  });
  const info: BackendInfo = {
    active: oneOf(raw.active, at(path, 'active'), AUTO_BACKEND_ORDER),
    requested: text(raw.requested, at(path, 'requested'), SHORT),
    fallbacks,
  };
  const adapter = optionalText(raw.adapter, at(path, 'adapter'), SHORT);
  if (adapter !== undefined) info.adapter = adapter;
  return info;
}

function readAdapter(value: unknown, path: string): AdapterFacts {
  const raw = object(value, path);
  const facts: AdapterFacts = { software: bool(raw.software, at(path, 'software')) };
  for (const key of ['vendor', 'architecture', 'device', 'description'] as const) {
    const field = optionalText(raw[key], at(path, key), SHORT);
    if (field !== undefined) facts[key] = field;
  }
  return facts;
}

export function readMachine(value: unknown, path: string): MachineInfo | null {
  if (value === undefined || value === null) return null;
  const raw = object(value, path);
  const machine: MachineInfo = {
    backend: oneOf(raw.backend, at(path, 'backend'), AUTO_BACKEND_ORDER),
    date: text(raw.date, at(path, 'date'), 40),
  };
  if (raw.adapter !== undefined && raw.adapter !== null) machine.adapter = readAdapter(raw.adapter, at(path, 'adapter'));
  if (raw.wasm !== undefined && raw.wasm !== null) {
    const wasm = object(raw.wasm, at(path, 'wasm'));
    machine.wasm = {
      simd: bool(wasm.simd, at(at(path, 'wasm'), 'simd')),
      multithread: bool(wasm.multithread, at(at(path, 'wasm'), 'multithread')),
    };
  }
  if (raw.cores !== undefined && raw.cores !== null)
    machine.cores = number(raw.cores, at(path, 'cores'), { min: 1, max: 100_000, integer: true });
  if (raw.memory !== undefined && raw.memory !== null) {
    const memory = object(raw.memory, at(path, 'memory'));
    machine.memory = {
      gib: number(memory.gib, at(at(path, 'memory'), 'gib'), { min: 0, max: 1e9 }),
      approximate: bool(memory.approximate, at(at(path, 'memory'), 'approximate')),
    };
  }
  for (const key of ['runtime', 'os'] as const) {
    const field = optionalText(raw[key], at(path, key), SHORT);
    if (field !== undefined) machine[key] = field;
  }
  return machine;
}

export function readComparisons(value: unknown, path: string): Comparison[] {
  return list(value ?? [], path, MAX_COMPARISONS).map((c, i) => {
    const p = at(path, i);
    const raw = object(c, p);
    return {
      mode: oneOf(raw.mode, at(p, 'mode'), MODE_NAMES),
      other: oneOf(raw.other, at(p, 'other'), MODE_NAMES),
      against: oneOf(raw.against, at(p, 'against'), ['loop', 'fastest'] as const),
      estimate: numberOrNaN(raw.estimate, at(p, 'estimate'), { min: 0 }),
      low: numberOrNaN(raw.low, at(p, 'low'), { min: 0 }),
      high: numberOrNaN(raw.high, at(p, 'high'), { min: 0 }),
      level: number(raw.level, at(p, 'level'), { min: 0, max: 1 }),
      basis: oneOf(raw.basis, at(p, 'basis'), BASES),
      n: number(raw.n, at(p, 'n'), { min: 0, integer: true }),
      verdict: oneOf(raw.verdict, at(p, 'verdict'), ['different', 'equivalent', 'inconclusive'] as const),
      text: text(raw.text, at(p, 'text')),
    };
  });
}

export function readNoise(value: unknown, path: string): RunNoise {
  if (value === undefined || value === null) return { value: NaN, basis: 'batches', mode: null, warning: null };
  const raw = object(value, path);
  return {
    value: numberOrNaN(raw.value, at(path, 'value'), { min: 0 }),
    basis: oneOf(raw.basis, at(path, 'basis'), BASES),
    mode: raw.mode === null || raw.mode === undefined ? null : oneOf(raw.mode, at(path, 'mode'), MODE_NAMES),
    warning: optionalText(raw.warning, at(path, 'warning')) ?? null,
  };
}
