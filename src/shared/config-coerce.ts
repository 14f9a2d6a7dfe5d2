// Runs everywhere. Rebuilds a RunConfig from untrusted input (URL params, CLI flags, postMessage) field by
// field from FIELD_TABLE: never throws, falls back to the default or clamps, and says what it changed.
import { DEFAULT_CONFIG, FIELD_TABLE, cloneConfig, type FieldSpec, type RunConfig } from './config';

export interface Coerced<T> {
  value: T;
  /** Set when the input was not used as given: says what was wrong and what was used instead. */
  problem?: string;
}

export interface ConfigResult {
  config: RunConfig;
  /** One readable line per field that was changed, plus unknown keys. */
  warnings: string[];
}

const MAX_SHOWN = 40;
const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Quotes user input for a message, shortened and with control characters made visible. */
export function quote(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/_/g, '');
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? (value.length ? value.join(',') : '(empty)') : String(value);
}

function coerceNumber(spec: { key: string; min: number; max: number }, raw: unknown, fallback: number, integer: boolean): Coerced<number> {
  const parsed = parseNumber(raw);
  if (parsed === undefined) {
    return { value: fallback, problem: `${spec.key}: ${quote(raw)} is not a number; using ${fallback}` };
  }
  let value = integer ? Math.round(parsed) : parsed;
  const notes: string[] = [];
  if (value !== parsed) notes.push('rounded');
  if (value < spec.min || value > spec.max) {
    value = Math.min(spec.max, Math.max(spec.min, value));
    notes.push(`outside ${spec.min}…${spec.max}`);
  }
  return notes.length ? { value, problem: `${spec.key}: ${quote(raw)} ${notes.join(' and ')}; using ${value}` } : { value };
}

function splitList(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'number') return [raw];
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? [] : text.split(',').map((part) => part.trim());
}

/** Coerces one field's raw input. Exported for the CLI, which rejects instead of repairing. */
export function coerceField(spec: FieldSpec, raw: unknown): Coerced<unknown> {
  const fallback = DEFAULT_CONFIG[spec.name];
  switch (spec.kind) {
    case 'int':
      return coerceNumber(spec, raw, fallback as number, true);
    case 'number':
      return coerceNumber(spec, raw, fallback as number, false);
    case 'choice': {
      const match = typeof raw === 'string' ? spec.choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase()) : undefined;
      return match !== undefined
        ? { value: match }
        : { value: fallback, problem: `${spec.key}: ${quote(raw)} is not one of ${spec.choices.join(', ')}; using ${describe(fallback)}` };
    }
    case 'bool': {
      const text = typeof raw === 'boolean' ? String(raw) : typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      if (text !== undefined && TRUE_WORDS.includes(text)) return { value: true };
      if (text !== undefined && FALSE_WORDS.includes(text)) return { value: false };
      return { value: fallback, problem: `${spec.key}: ${quote(raw)} is not on/off; using ${fallback ? 'on' : 'off'}` };
    }
    case 'readback': {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      if (text === 'every' || text === 'epoch') return { value: text };
      const n = parseNumber(text);
      if (n === 1) return { value: 'every' };
      if (n !== undefined && n >= 0) {
        const one = coerceNumber(spec, text, fallback as number, true);
        return one.problem ? { value: one.value, problem: one.problem } : { value: one.value };
      }
      return { value: fallback, problem: `${spec.key}: ${quote(raw)} is not every, epoch or a number of batches; using ${describe(fallback)}` };
    }
    case 'choiceList': {
      const parts = splitList(raw);
      if (!parts) return { value: [...(fallback as string[])], problem: `${spec.key}: ${quote(raw)} is not a list; using ${describe(fallback)}` };
      const chosen: string[] = [];
      const rejected: unknown[] = [];
      for (const part of parts) {
        const match = typeof part === 'string' ? spec.choices.find((c) => c.toLowerCase() === part.toLowerCase()) : undefined;
        if (match === undefined) rejected.push(part);
        else if (!chosen.includes(match)) chosen.push(match);
      }
      // Keep the table's order so every host runs and shows modes the same way.
      const ordered = spec.choices.filter((c) => chosen.includes(c));
      if (ordered.length === 0) {
        return { value: [...(fallback as string[])], problem: `${spec.key}: ${quote(raw)} names none of ${spec.choices.join(', ')}; using ${describe(fallback)}` };
      }
      return rejected.length
        ? { value: ordered, problem: `${spec.key}: ignored ${rejected.map(quote).join(', ')} (not one of ${spec.choices.join(', ')})` }
        : { value: ordered };
    }
    case 'intList': {
      const parts = splitList(raw);
      if (!parts) return { value: [...(fallback as number[])], problem: `${spec.key}: ${quote(raw)} is not a list; using ${describe(fallback)}` };
      const values: number[] = [];
      const notes: string[] = [];
      for (const part of parts.slice(0, spec.maxLength)) {
        const one = coerceNumber(spec, part, spec.min, true);
        if (parseNumber(part) === undefined) {
          notes.push(`dropped ${quote(part)}`);
          continue;
        }
        if (one.problem) notes.push(`${quote(part)} became ${one.value}`);
        values.push(one.value);
      }
      if (parts.length > spec.maxLength) notes.push(`kept the first ${spec.maxLength} layers`);
      return notes.length ? { value: values, problem: `${spec.key}: ${notes.join(', ')}; using ${describe(values)}` } : { value: values };
    }
  }
}

/**
 * Builds a full RunConfig from a map of raw values. `keyed` says whether the map uses the short keys of the
 * URL/CLI ('key') or RunConfig's field names ('name'). Missing fields take their defaults silently.
 */
export function normalizeConfig(input: Readonly<Record<string, unknown>>, keyed: 'key' | 'name' = 'name'): ConfigResult {
  const config = cloneConfig(DEFAULT_CONFIG as RunConfig);
  const warnings: string[] = [];
  const known = new Set<string>();
  for (const spec of FIELD_TABLE) {
    const id = keyed === 'key' ? spec.key : spec.name;
    known.add(id);
    if (!Object.prototype.hasOwnProperty.call(input, id) || input[id] === undefined) continue;
    const result = coerceField(spec, input[id]);
    (config as unknown as Record<string, unknown>)[spec.name] = result.value;
    if (result.problem) warnings.push(result.problem);
  }
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length) warnings.push(`ignored unknown ${unknown.length === 1 ? 'setting' : 'settings'} ${unknown.slice(0, 8).map(quote).join(', ')}${unknown.length > 8 ? ` and ${unknown.length - 8} more` : ''}`);
  return { config, warnings };
}

/** True when `value` is already a valid RunConfig (what normalizeConfig would return unchanged). */
export function isValidConfig(value: RunConfig): boolean {
  const { config, warnings } = normalizeConfig(value as unknown as Record<string, unknown>, 'name');
  return warnings.length === 0 && JSON.stringify(config) === JSON.stringify(value);
}
