// Runs in the page (pure). Small checks for untrusted JSON, each naming where in the document it failed
// ("runs[0].summaries[1].batches: -3 is below 0"). Nothing is copied from the input by reference: callers
// build fresh objects from checked values, so no key of the file (such as __proto__) reaches the page's objects.
import { MAX_DEPTH, MAX_MAGNITUDE, MAX_TEXT } from './limits';

/** One thing wrong with an imported document, with the path to it. */
export class ImportProblem extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
    this.name = 'ImportProblem';
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Keys that could reach an object's prototype if some later code merged the document into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A value for a message: short, control characters shown as "?". */
export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/**
 * Walks the whole parsed document once: refuses keys that could pollute a prototype and nesting deeper than a
 * valid document has. Iterative, so a deeply nested hostile file cannot overflow the stack.
 */
export function checkStructure(root: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) throw new ImportProblem(path, `nested deeper than a fitscope result can be (${MAX_DEPTH} levels)`);
    if (Array.isArray(value)) {
      // Lists of plain values (the per-batch columns) need no visit per element.
      for (let i = 0; i < value.length; i++)
        if (value[i] !== null && typeof value[i] === 'object') stack.push({ value: value[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new ImportProblem(join(path, key), 'this key is not allowed (it could change built-in objects)');
      stack.push({ value: (value as JsonObject)[key], path: join(path, key), depth: depth + 1 });
    }
  }
}

export function object(value: unknown, path: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ImportProblem(path, `expected an object, found ${shown(value)}`);
  return value as JsonObject;
}

export function list(value: unknown, path: string, max: number): Json[] {
  if (!Array.isArray(value)) throw new ImportProblem(path, `expected a list, found ${shown(value)}`);
  if (value.length > max) throw new ImportProblem(path, `${value.length} entries, more than the ${max} this page keeps`);
  return value as Json[];
}

export function text(value: unknown, path: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new ImportProblem(path, `expected text, found ${shown(value)}`);
  if (value.length > max) throw new ImportProblem(path, `text of ${value.length} characters, more than ${max}`);
  return value;
}

export function optionalText(value: unknown, path: string, max = MAX_TEXT): string | undefined {
  return value === undefined || value === null ? undefined : text(value, path, max);
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ImportProblem(path, `expected true or false, found ${shown(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ImportProblem(path, `${shown(value)} is not one of ${choices.join(', ')}`);
  }
  return value as T;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A finite number within the rule (and within ±MAX_MAGNITUDE). */
export function number(value: unknown, path: string, rule: NumberRule = {}): number {
  if (typeof value !== 'number') throw new ImportProblem(path, `expected a number, found ${shown(value)}`);
  // JSON has no Infinity, but 1e400 parses to it.
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE)
    throw new ImportProblem(path, `${shown(value)} is out of any plausible range`);
  if (rule.integer && !Number.isInteger(value)) throw new ImportProblem(path, `${value} is not a whole number`);
  if (rule.min !== undefined && value < rule.min) throw new ImportProblem(path, `${value} is below ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) throw new ImportProblem(path, `${value} is above ${rule.max}`);
  return value;
}

/** A number, or NaN for null (the exports write NaN as null) and for a field left out. */
export function numberOrNaN(value: unknown, path: string, rule: NumberRule = {}): number {
  return value === null || value === undefined ? NaN : number(value, path, rule);
}

export const at = join;
