// Runs everywhere. Rebuilds a RunConfig from untrusted input (URL params, CLI flags, postMessage) field by
// field from FIELD_TABLE, each through its kind (field-kinds.ts): never throws, falls back to the default or
// clamps, and says what it changed.
import { DEFAULT_CONFIG, FIELD_TABLE, cloneConfig, type FieldSpec, type RunConfig } from './config';
import { coerceValue, quote, type Coerced } from './field-kinds';

export { quote, type Coerced };

export interface ConfigResult {
  config: RunConfig;
  /** One readable line per field that was changed, plus unknown keys. */
  warnings: string[];
}

/** Coerces one field's raw input. Exported for the CLI, which rejects instead of repairing. */
export function coerceField(spec: FieldSpec, raw: unknown): Coerced<unknown> {
  return coerceValue(spec, raw);
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
  if (unknown.length) {
    const shown = unknown.slice(0, 8).map(quote).join(', ');
    warnings.push(
      `ignored unknown ${unknown.length === 1 ? 'setting' : 'settings'} ${shown}${unknown.length > 8 ? ` and ${unknown.length - 8} more` : ''}`,
    );
  }
  return { config, warnings };
}

/** True when `value` is already a valid RunConfig (what normalizeConfig would return unchanged). */
export function isValidConfig(value: RunConfig): boolean {
  const { config, warnings } = normalizeConfig(value as unknown as Record<string, unknown>, 'name');
  return warnings.length === 0 && JSON.stringify(config) === JSON.stringify(value);
}
