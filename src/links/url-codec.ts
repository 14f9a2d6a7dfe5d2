// Runs everywhere (pure). RunConfig + view settings + page options ⇄ URL query string, format v1. Decoding never
// throws: it rebuilds the config from defaults via FIELD_TABLE and the rest via VIEW_KEYS, and lists every change it made
// (unknown keys, clamped numbers, bad values, a newer format). Encoding is canonical: `v=1` first, then every
// non-default field in table order.
import { DEFAULT_CONFIG, FIELD_TABLE, type RunConfig } from '../shared/config';
import { normalizeConfig, quote } from '../shared/config-coerce';
import { formatValue } from '../shared/field-kinds';
import type { ViewSettings } from '../shared/view-settings';
import { decodeLinkView, defaultLinkView, encodeLinkView, type LinkView, type PageOptions } from './view-settings';

/** The format this page reads and writes. A link without `v` is read as v1. */
export const URL_FORMAT_VERSION = 1;
export const VERSION_KEY = 'v';

export interface DecodedQuery {
  config: RunConfig;
  view: ViewSettings;
  page: PageOptions;
  /** The format version the link declared (1 when it declared none or an unreadable one). */
  version: number;
  /** What the decoder changed or ignored, one readable line each. Empty for a clean link. */
  warnings: string[];
}

function readVersion(raw: unknown, warnings: string[]): number {
  const text = String(raw).trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) {
    warnings.push(`${VERSION_KEY}: ${quote(raw)} is not a format version; reading the link as v${URL_FORMAT_VERSION}`);
    return URL_FORMAT_VERSION;
  }
  const version = Number(text);
  if (version > URL_FORMAT_VERSION) {
    warnings.push(
      `${VERSION_KEY}=${version}: this link was written for a newer fitscope (format v${version}); this page reads v${URL_FORMAT_VERSION}, so settings it does not know are left out`,
    );
  }
  return version;
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
  let version = URL_FORMAT_VERSION;
  if (Object.prototype.hasOwnProperty.call(raw, VERSION_KEY)) {
    version = readVersion(raw[VERSION_KEY], warnings);
    delete raw[VERSION_KEY];
  }
  const link = decodeLinkView(raw);
  for (const key of link.used) delete raw[key];
  // Whatever is left is a RunConfig key or unknown; normalizeConfig lists the unknown ones.
  const result = normalizeConfig(raw, 'key');
  const { view, page } = link.link;
  return { config: result.config, view, page, version, warnings: [...warnings, ...link.warnings, ...result.warnings] };
}

/** Canonical query string (without '?'): `v=1`, then fields in table order, then view keys; defaults left out. */
export function encodeQuery(config: RunConfig, link: { view?: ViewSettings; page?: Partial<PageOptions> } = {}): string {
  const parts: string[] = [`${VERSION_KEY}=${URL_FORMAT_VERSION}`];
  const put = (key: string, value: string) => parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  for (const spec of FIELD_TABLE) {
    const value = formatValue(spec, config[spec.name]);
    if (value !== formatValue(spec, DEFAULT_CONFIG[spec.name])) put(spec.key, value);
  }
  const defaults = defaultLinkView();
  const full: LinkView = { view: link.view ?? defaults.view, page: { ...defaults.page, ...link.page } };
  for (const [key, value] of encodeLinkView(full)) put(key, value);
  return parts.join('&');
}
