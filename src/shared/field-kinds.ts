// Runs everywhere. The kinds of setting and everything a host needs to know about each: how untrusted input is
// read (URL, CLI, postMessage, the form's text), how a value is written back (links, the CLI), how its values
// are described (README key table, CLI help) and which form widget shows it. A setting names its kind; no host
// keeps a switch of its own over kinds.

export interface Coerced<T> {
  value: T;
  /** Set when the input was not used as given: says what was wrong and what was used instead. */
  problem?: string;
}

/** How often the loss is read back to the CPU: every batch, every N batches (N ≥ 2), or at each epoch's end. */
export type Readback = 'every' | 'epoch' | number;

interface Common {
  /** Short key used in the URL query string and as the CLI flag (--key). */
  key: string;
  label: string;
  /** One line for the UI and CLI help: what the knob is, in Keras terms where that helps. */
  help: string;
  /** Shown in the form without unfolding "More settings". */
  basic?: boolean;
}

export interface IntField extends Common {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  /** Value a bare CLI flag or URL key stands for (e.g. `--augment` = 1 pass). */
  bare?: string;
}
export interface NumberField extends Common {
  kind: 'number';
  min: number;
  max: number;
  default: number;
}
export interface ChoiceField<C extends string = string> extends Common {
  kind: 'choice';
  choices: readonly C[];
  default: C;
}
export interface BoolField extends Common {
  kind: 'bool';
  default: boolean;
}
/** 'every', 'epoch', or an integer N in min…max (read every N batches). */
export interface ReadbackField extends Common {
  kind: 'readback';
  min: number;
  max: number;
  default: Readback;
}
export interface ChoiceListField<C extends string = string> extends Common {
  kind: 'choiceList';
  choices: readonly C[];
  default: readonly C[];
  /** Whether an empty list is a value (panels to hide) or falls back to the default (modes). */
  allowEmpty?: boolean;
}
export interface IntListField extends Common {
  kind: 'intList';
  min: number;
  max: number;
  maxLength: number;
  default: readonly number[];
}

export type AnyField = IntField | NumberField | ChoiceField | BoolField | ReadbackField | ChoiceListField | IntListField;
export type FieldKind = AnyField['kind'];

/** The value type a field holds. */
export type ValueOf<F> =
  F extends ChoiceListField<infer C>
    ? C[]
    : F extends IntListField
      ? number[]
      : F extends ChoiceField<infer C>
        ? C
        : F extends BoolField
          ? boolean
          : F extends ReadbackField
            ? Readback
            : number;

export type Widget = 'checkbox' | 'select' | 'text' | 'checklist';

export interface KindBehaviour<F extends AnyField> {
  /** Reads untrusted input; never throws: a bad value falls back to `fallback` (or is clamped) with a problem. */
  coerce(spec: F, raw: unknown, fallback: ValueOf<F>): Coerced<ValueOf<F>>;
  /** The canonical text of a value, as links and the CLI write it. */
  format(value: ValueOf<F>): string;
  /** The values the setting takes, in words (README key table). */
  values(spec: F): string;
  /** The same, short, for the CLI's help. */
  cliRange(spec: F): string;
  /** What a key or flag given without a value stands for; undefined when it needs one. */
  bare(spec: F): string | undefined;
  widget: Widget;
}

/** The one vocabulary of on/off words, for every boolean of links, the CLI and postMessage. */
export const ON_WORDS: readonly string[] = ['1', 'true', 'on', 'yes'];
export const OFF_WORDS: readonly string[] = ['0', 'false', 'off', 'no'];

const MAX_SHOWN = 40;
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Quotes user input for a message, shortened and with control characters made visible. */
export function quote(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

export function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/_/g, '');
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A bool from the on/off words ('' = a bare key = on); undefined for anything else. */
export function parseBool(raw: unknown): boolean | undefined {
  const text =
    typeof raw === 'boolean' || typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (text === undefined) return undefined;
  if (text === '' || ON_WORDS.includes(text)) return true;
  if (OFF_WORDS.includes(text)) return false;
  return undefined;
}

const describe = (value: unknown): string => (Array.isArray(value) ? (value.length ? value.join(',') : '(empty)') : String(value));

function coerceNumber(spec: { key: string; min: number; max: number }, raw: unknown, fallback: number, integer: boolean): Coerced<number> {
  const parsed = parseNumber(raw);
  if (parsed === undefined) return { value: fallback, problem: `${spec.key}: ${quote(raw)} is not a number; using ${fallback}` };
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

const matchChoice = (choices: readonly string[], raw: unknown) =>
  typeof raw === 'string' ? choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase()) : undefined;

const list = (value: readonly unknown[]) => value.join(',');

export const KINDS: { readonly [K in FieldKind]: KindBehaviour<Extract<AnyField, { kind: K }>> } = {
  int: {
    coerce: (spec, raw, fallback) => coerceNumber(spec, raw === '' && spec.bare !== undefined ? spec.bare : raw, fallback, true),
    format: String,
    values: (spec) => `integer ${spec.min}…${spec.max}`,
    cliRange: (spec) => `${spec.min}…${spec.max}`,
    bare: (spec) => spec.bare,
    widget: 'text',
  },
  number: {
    coerce: (spec, raw, fallback) => coerceNumber(spec, raw, fallback, false),
    format: String,
    values: (spec) => `number ${spec.min}…${spec.max}`,
    cliRange: (spec) => `${spec.min}…${spec.max}`,
    bare: () => undefined,
    widget: 'text',
  },
  choice: {
    coerce(spec, raw, fallback) {
      const match = matchChoice(spec.choices, raw);
      return match !== undefined
        ? { value: match }
        : { value: fallback, problem: `${spec.key}: ${quote(raw)} is not one of ${spec.choices.join(', ')}; using ${fallback}` };
    },
    format: String,
    values: (spec) => spec.choices.join(' | '),
    cliRange: (spec) => spec.choices.join('|'),
    bare: () => undefined,
    widget: 'select',
  },
  bool: {
    coerce(spec, raw, fallback) {
      const value = parseBool(raw);
      return value !== undefined
        ? { value }
        : { value: fallback, problem: `${spec.key}: ${quote(raw)} is not on/off; using ${fallback ? 'on' : 'off'}` };
    },
    format: (value) => (value ? '1' : '0'),
    values: () => '1 | 0',
    cliRange: () => 'on|off; bare = on',
    bare: () => '1',
    widget: 'checkbox',
  },
  readback: {
    coerce(spec, raw, fallback) {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      if (text === 'every' || text === 'epoch') return { value: text };
      const n = parseNumber(text);
      if (n === 1) return { value: 'every' };
      if (n !== undefined && n >= 0) return coerceNumber(spec, text, typeof fallback === 'number' ? fallback : spec.min, true);
      return {
        value: fallback,
        problem: `${spec.key}: ${quote(raw)} is not every, epoch or a number of batches; using ${describe(fallback)}`,
      };
    },
    format: String,
    values: (spec) => `every | epoch | ${spec.min}…${spec.max}`,
    cliRange: (spec) => `every|epoch|${spec.min}…${spec.max}`,
    bare: () => undefined,
    widget: 'text',
  },
  choiceList: {
    coerce(spec, raw, fallback) {
      const parts = splitList(raw);
      if (!parts) return { value: [...fallback], problem: `${spec.key}: ${quote(raw)} is not a list; using ${describe(fallback)}` };
      const chosen = new Set<string>();
      const rejected: unknown[] = [];
      for (const part of parts) {
        const match = matchChoice(spec.choices, part);
        if (match === undefined) rejected.push(part);
        else chosen.add(match);
      }
      // The table's order, so every host runs and shows the items the same way.
      const ordered = spec.choices.filter((c) => chosen.has(c));
      if (ordered.length === 0 && !(spec.allowEmpty && rejected.length === 0)) {
        if (spec.allowEmpty)
          return { value: [], problem: `${spec.key}: ignored ${rejected.map(quote).join(', ')} (not one of ${spec.choices.join(', ')})` };
        return {
          value: [...fallback],
          problem: `${spec.key}: ${quote(raw)} names none of ${spec.choices.join(', ')}; using ${describe(fallback)}`,
        };
      }
      return rejected.length
        ? { value: ordered, problem: `${spec.key}: ignored ${rejected.map(quote).join(', ')} (not one of ${spec.choices.join(', ')})` }
        : { value: ordered };
    },
    format: list,
    values: (spec) => `list of ${spec.choices.join(', ')}`,
    cliRange: (spec) => `comma list of ${spec.choices.join('|')}`,
    bare: () => undefined,
    widget: 'checklist',
  },
  intList: {
    coerce(spec, raw, fallback) {
      const parts = splitList(raw);
      if (!parts) return { value: [...fallback], problem: `${spec.key}: ${quote(raw)} is not a list; using ${describe(fallback)}` };
      const values: number[] = [];
      const notes: string[] = [];
      for (const part of parts.slice(0, spec.maxLength)) {
        if (parseNumber(part) === undefined) {
          notes.push(`dropped ${quote(part)}`);
          continue;
        }
        const one = coerceNumber(spec, part, spec.min, true);
        if (one.problem) notes.push(`${quote(part)} became ${one.value}`);
        values.push(one.value);
      }
      if (parts.length > spec.maxLength) notes.push(`kept the first ${spec.maxLength} layers`);
      return notes.length ? { value: values, problem: `${spec.key}: ${notes.join(', ')}; using ${describe(values)}` } : { value: values };
    },
    format: list,
    values: (spec) => `list of up to ${spec.maxLength} integers ${spec.min}…${spec.max}`,
    cliRange: (spec) => `up to ${spec.maxLength} of ${spec.min}…${spec.max}, comma separated`,
    bare: () => undefined,
    widget: 'text',
  },
};

/** The behaviour of a field's kind, typed loosely for code that walks a table of mixed fields. */
export function kindOf(spec: AnyField): KindBehaviour<AnyField> {
  return KINDS[spec.kind] as unknown as KindBehaviour<AnyField>;
}

/** Reads one field's raw input (see KindBehaviour.coerce), with the field's default as the fallback. */
export function coerceValue(spec: AnyField, raw: unknown): Coerced<unknown> {
  return kindOf(spec).coerce(spec, raw, spec.default as never);
}

/** The canonical text of a field's value. */
export function formatValue(spec: AnyField, value: unknown): string {
  return kindOf(spec).format(value as never);
}
