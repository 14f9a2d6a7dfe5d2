// Runs everywhere (pure). RunConfig ⇄ URL query string. Decoding never throws: it rebuilds the config from
// defaults via FIELD_TABLE and lists every change it made. Encoding is canonical and omits defaults.
import { DEFAULT_CONFIG, FIELD_TABLE, type RunConfig } from '../shared/config';
import { normalizeConfig, quote } from '../shared/config-coerce';

/** Keys that are not RunConfig fields but are part of a shareable link. */
export const VIEW_KEYS = ['autorun'] as const;

export interface DecodedQuery {
  config: RunConfig;
  autorun: boolean;
  /** What the decoder changed or ignored, one readable line each. Empty for a clean link. */
  warnings: string[];
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

export function decodeQuery(search: string): DecodedQuery {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const raw: Record<string, unknown> = {};
  const warnings: string[] = [];
  const repeated = new Set<string>();
  for (const [key, value] of params) {
    if (Object.prototype.hasOwnProperty.call(raw, key)) repeated.add(key);
    // The last occurrence wins, as in most query-string readers.
    raw[key] = value;
  }
  for (const key of repeated) warnings.push(`${quote(key)} was given more than once; using the last value`);
  let autorun = false;
  if ('autorun' in raw) {
    const value = String(raw.autorun).trim().toLowerCase();
    autorun = value === '1' || value === 'true' || value === '';
    if (!['0', '1', 'true', 'false', ''].includes(value)) warnings.push(`autorun: ${quote(raw.autorun)} is not 0 or 1; using ${autorun ? 1 : 0}`);
    delete raw.autorun;
  }
  const result = normalizeConfig(raw, 'key');
  return { config: result.config, autorun, warnings: [...warnings, ...result.warnings] };
}

/** Canonical query string (without '?'): fields in table order, defaults left out. */
export function encodeQuery(config: RunConfig, view: { autorun?: boolean } = {}): string {
  const parts: string[] = [];
  for (const spec of FIELD_TABLE) {
    const value = formatValue(config[spec.name]);
    if (value === formatValue(DEFAULT_CONFIG[spec.name])) continue;
    parts.push(`${spec.key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  if (view.autorun) parts.push('autorun=1');
  return parts.join('&');
}
