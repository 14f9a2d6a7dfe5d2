// Runs everywhere (pure). The URL keys of everything in a link that is not RunConfig: the charts' view settings
// (ViewSettings, src/shared/view-settings.ts, coerced there), panels to hide, the compact embed view and autorun.
// VIEW_KEYS is the one table of these keys: the decoder, the encoder and the README's key table read it.
import { quote } from '../shared/config-coerce';
import { DEFAULT_VIEW_SETTINGS, PANEL_IDS, SMOOTHING_MAX, X_AXES, normalizeViewSettings, type ViewSettings } from '../shared/view-settings';

/** Page parts outside the results column that a link can hide too (the results column's are PANEL_IDS). */
export const PAGE_PANEL_IDS = ['settings', 'badge', 'notice', 'presets', 'code', 'share'] as const;
export type PagePanelId = (typeof PAGE_PANEL_IDS)[number];
/** Every id `hide=` takes, in the order the encoder writes them. */
export const ALL_PANEL_IDS: readonly string[] = [...PAGE_PANEL_IDS, ...PANEL_IDS];
export type AnyPanelId = PagePanelId | (typeof PANEL_IDS)[number];

export interface PageOptions {
  /** The compact view for an iframe: run button, charts, summary; no settings form. */
  embed: boolean;
  /** Start a run as soon as the page opens (an action of the link, not kept in the address bar). */
  autorun: boolean;
  /** Page parts left out (the results column's panels live in ViewSettings.hidden). */
  hidden: PagePanelId[];
}

/** Everything a link says about the page besides the RunConfig. */
export interface LinkView {
  view: ViewSettings;
  page: PageOptions;
}

export const DEFAULT_PAGE_OPTIONS: Readonly<PageOptions> = Object.freeze({ embed: false, autorun: false, hidden: [] });

export function defaultLinkView(): LinkView {
  return { view: { ...DEFAULT_VIEW_SETTINGS, hidden: [] }, page: { ...DEFAULT_PAGE_OPTIONS, hidden: [] } };
}

export interface ViewKeySpec {
  key: string;
  /** Where the value lives, for the README: view.<ViewSettings field> or page.<PageOptions field>. */
  setting: string;
  values: string;
  help: string;
  /** The canonical text the encoder writes; the default's text is left out of links. */
  format(link: LinkView): string;
}

const onOff = (value: boolean) => (value ? '1' : '0');

export const VIEW_KEYS: readonly ViewKeySpec[] = [
  { key: 'x', setting: 'view.xAxis', values: X_AXES.join(' | '), help: "what the charts' x axis counts: batches, training samples seen, or wall time", format: (l) => l.view.xAxis },
  { key: 'log', setting: 'view.logScale', values: '1 | 0', help: 'logarithmic y axis for the loss', format: (l) => onOff(l.view.logScale) },
  { key: 'smooth', setting: 'view.smoothing', values: `number 0…${SMOOTHING_MAX}`, help: 'smoothing weight of the loss line (TensorBoard style; 0 = raw)', format: (l) => String(l.view.smoothing) },
  {
    key: 'hide', setting: 'view.hidden + page.hidden', values: `list of ${ALL_PANEL_IDS.join(', ')}`, help: 'panels to leave out, comma separated',
    format: (l) => ALL_PANEL_IDS.filter((id) => (l.page.hidden as string[]).includes(id) || (l.view.hidden as string[]).includes(id)).join(','),
  },
  { key: 'embed', setting: 'page.embed', values: '1 | 0', help: 'compact view for an iframe (run button, charts, summary; works from 320 px wide)', format: (l) => onOff(l.page.embed) },
  { key: 'autorun', setting: 'page.autorun', values: '1 | 0', help: 'start the run as soon as the page opens', format: (l) => onOff(l.page.autorun) },
];

const TRUE_WORDS = ['1', 'true', 'on', 'yes', ''];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

function readFlag(key: string, raw: unknown, warnings: string[]): boolean {
  const text = String(raw).trim().toLowerCase();
  // A bare key (`?embed`) switches it on.
  if (TRUE_WORDS.includes(text)) return true;
  if (!FALSE_WORDS.includes(text)) warnings.push(`${key}: ${quote(raw)} is not 0 or 1; using 0`);
  return false;
}

/**
 * Reads the keys of VIEW_KEYS from a map of raw URL values, never throwing. Returns the keys it read so the
 * caller can report the rest as unknown.
 */
export function decodeLinkView(raw: Readonly<Record<string, unknown>>): { link: LinkView; warnings: string[]; used: string[] } {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(raw, key) && raw[key] !== undefined;
  const used = VIEW_KEYS.map((s) => s.key).filter(has);
  const warnings: string[] = [];
  let pageHidden: PagePanelId[] = [];
  let viewHidden: string[] | undefined;
  if (has('hide')) {
    const items = String(raw.hide).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const unknown = items.filter((id) => !ALL_PANEL_IDS.includes(id));
    if (unknown.length) warnings.push(`hide: ignored ${unknown.map(quote).join(', ')} (not one of ${ALL_PANEL_IDS.join(', ')})`);
    pageHidden = PAGE_PANEL_IDS.filter((id) => items.includes(id));
    viewHidden = items.filter((id) => ALL_PANEL_IDS.includes(id) && !(PAGE_PANEL_IDS as readonly string[]).includes(id));
  }
  const view = normalizeViewSettings({
    xAxis: has('x') ? String(raw.x).trim().toLowerCase() : undefined,
    logScale: has('log') ? raw.log : undefined,
    smoothing: has('smooth') ? raw.smooth : undefined,
    hidden: viewHidden,
  });
  warnings.push(...view.warnings);
  const page: PageOptions = {
    embed: has('embed') ? readFlag('embed', raw.embed, warnings) : false,
    autorun: has('autorun') ? readFlag('autorun', raw.autorun, warnings) : false,
    hidden: pageHidden,
  };
  return { link: { view: view.settings, page }, warnings, used };
}

/** `key=value` pairs (not yet URI-encoded) for every view key whose value is not the default. */
export function encodeLinkView(link: LinkView): [string, string][] {
  const defaults = defaultLinkView();
  return VIEW_KEYS.map((spec): [string, string] => [spec.key, spec.format(link)]).filter(([key, text]) => text !== VIEW_KEYS.find((s) => s.key === key)!.format(defaults));
}

/** Defaults for the README's key table. */
export function viewKeyDefault(spec: ViewKeySpec): string {
  return spec.format(defaultLinkView());
}

/**
 * What the compact embed view leaves out even when `hide` does not name it: it keeps the run button, the loss
 * and memory charts and the summary table (and the badge and notices, which `hide` can remove).
 */
export const EMBED_OMITS: readonly AnyPanelId[] = ['settings', 'presets', 'code', 'share', 'speed', 'validation', 'insights', 'about'];

export function isPanelHidden(link: LinkView, panel: AnyPanelId): boolean {
  return (link.view.hidden as string[]).includes(panel) || (link.page.hidden as string[]).includes(panel) || (link.page.embed && EMBED_OMITS.includes(panel));
}

/** The view settings as the results column should show them: in the embed view, its omitted panels are hidden too. */
export function shownView(link: LinkView): ViewSettings {
  if (!link.page.embed) return link.view;
  return { ...link.view, hidden: PANEL_IDS.filter((id) => link.view.hidden.includes(id) || EMBED_OMITS.includes(id)) };
}
