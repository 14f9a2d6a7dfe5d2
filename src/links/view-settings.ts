// Runs everywhere (pure). The URL keys of everything in a link that is not RunConfig: the charts' view settings
// (ViewSettings, src/shared/view-settings.ts, coerced there), panels to hide, the compact embed view and autorun.
// VIEW_KEYS is the one table of these keys: the decoder, the encoder and the README's key table read it.
import { coerceValue, formatValue, type AnyField } from '../shared/field-kinds';
import { DEFAULT_VIEW_SETTINGS, PANEL_IDS, SMOOTHING_MAX, X_AXES, type ViewSettings } from '../shared/view-settings';
import { REFERENCE_RUNS, type ReferenceRunName } from './reference-runs';

/** Page parts outside the results column that a link can hide too (the results column's are PANEL_IDS). */
export const PAGE_PANEL_IDS = ['settings', 'badge', 'notice', 'presets', 'code', 'share'] as const;
export type PagePanelId = (typeof PAGE_PANEL_IDS)[number];
/** Every id `hide=` takes, in the order the encoder writes them. */
export const ALL_PANEL_IDS: readonly AnyPanelId[] = [...PAGE_PANEL_IDS, ...PANEL_IDS];
export type AnyPanelId = PagePanelId | (typeof PANEL_IDS)[number];

export interface PageOptions {
  /** The compact view for an iframe: run button, charts, summary; no settings form. */
  embed: boolean;
  /** Start a run as soon as the page opens (an action of the link, not kept in the address bar). */
  autorun: boolean;
  /** Page parts left out (the results column's panels live in ViewSettings.hidden). */
  hidden: PagePanelId[];
  /** Reference results shipped with the app, drawn faintly before any run (public/refs). */
  refs: ReferenceRunName[];
  /** Keep runs in this browser across reloads in the embed view too (the full page always keeps them). */
  keep: boolean;
}

/** Everything a link says about the page besides the RunConfig. */
export interface LinkView {
  view: ViewSettings;
  page: PageOptions;
}

export const DEFAULT_PAGE_OPTIONS: Readonly<PageOptions> = Object.freeze({
  embed: false,
  autorun: false,
  hidden: [],
  refs: [],
  keep: false,
});

export function defaultLinkView(): LinkView {
  return { view: { ...DEFAULT_VIEW_SETTINGS, hidden: [] }, page: { ...DEFAULT_PAGE_OPTIONS, hidden: [], refs: [] } };
}

/** A view key: a field of the kinds table (parse, format, README values) and where its value lives in a LinkView. */
export type ViewKeySpec = AnyField & {
  /** Where the value lives, for the README: view.<ViewSettings field> or page.<PageOptions field>. */
  setting: string;
  get(link: LinkView): unknown;
  set(link: LinkView, value: unknown): void;
};

const isPagePanel = (id: string): id is PagePanelId => (PAGE_PANEL_IDS as readonly string[]).includes(id);

export const VIEW_KEYS: readonly ViewKeySpec[] = [
  {
    key: 'x',
    setting: 'view.xAxis',
    kind: 'choice',
    choices: X_AXES,
    default: DEFAULT_VIEW_SETTINGS.xAxis,
    label: 'x axis',
    help: "what the charts' x axis counts: batches, training samples seen, or wall time",
    get: (l) => l.view.xAxis,
    set: (l, v) => (l.view.xAxis = v as ViewSettings['xAxis']),
  },
  {
    key: 'log',
    setting: 'view.logScale',
    kind: 'bool',
    default: DEFAULT_VIEW_SETTINGS.logScale,
    label: 'Log scale',
    help: 'logarithmic y axis for the loss',
    get: (l) => l.view.logScale,
    set: (l, v) => (l.view.logScale = v as boolean),
  },
  {
    key: 'smooth',
    setting: 'view.smoothing',
    kind: 'number',
    min: 0,
    max: SMOOTHING_MAX,
    default: DEFAULT_VIEW_SETTINGS.smoothing,
    label: 'Smoothing',
    help: 'smoothing weight of the loss line (TensorBoard style; 0 = raw)',
    get: (l) => l.view.smoothing,
    set: (l, v) => (l.view.smoothing = v as number),
  },
  {
    key: 'hide',
    setting: 'view.hidden + page.hidden',
    kind: 'choiceList',
    choices: ALL_PANEL_IDS,
    default: [],
    allowEmpty: true,
    label: 'Hidden panels',
    help: 'panels to leave out, comma separated',
    get: (l) => ALL_PANEL_IDS.filter((id) => (l.page.hidden as string[]).includes(id) || (l.view.hidden as string[]).includes(id)),
    set(l, v) {
      const ids = v as string[];
      l.page.hidden = ids.filter(isPagePanel);
      l.view.hidden = PANEL_IDS.filter((id) => ids.includes(id));
    },
  },
  {
    key: 'embed',
    setting: 'page.embed',
    kind: 'bool',
    default: false,
    label: 'Embed view',
    help: 'compact view for an iframe (run button, charts, summary; works from 320 px wide)',
    get: (l) => l.page.embed,
    set: (l, v) => (l.page.embed = v as boolean),
  },
  {
    key: 'autorun',
    setting: 'page.autorun',
    kind: 'bool',
    default: false,
    label: 'Autorun',
    help: 'start the run as soon as the page opens',
    get: (l) => l.page.autorun,
    set: (l, v) => (l.page.autorun = v as boolean),
  },
  {
    key: 'ref',
    setting: 'page.refs',
    kind: 'choiceList',
    choices: REFERENCE_RUNS,
    default: [],
    allowEmpty: true,
    label: 'Reference runs',
    help: 'reference results shipped with the app (public/refs), drawn faintly with their machine before any run',
    get: (l) => l.page.refs,
    set: (l, v) => (l.page.refs = v as ReferenceRunName[]),
  },
  {
    key: 'keep',
    setting: 'page.keep',
    kind: 'bool',
    default: false,
    label: 'Keep runs (embed)',
    help: 'embed view: keep runs in this browser across reloads, as the full page always does',
    get: (l) => l.page.keep,
    set: (l, v) => (l.page.keep = v as boolean),
  },
];

/**
 * Reads the keys of VIEW_KEYS from a map of raw URL values through their kinds, never throwing. Returns the keys
 * it read so the caller can report the rest as unknown.
 */
export function decodeLinkView(raw: Readonly<Record<string, unknown>>): { link: LinkView; warnings: string[]; used: string[] } {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(raw, key) && raw[key] !== undefined;
  const link = defaultLinkView();
  const warnings: string[] = [];
  const used: string[] = [];
  for (const spec of VIEW_KEYS) {
    if (!has(spec.key)) continue;
    used.push(spec.key);
    const result = coerceValue(spec, raw[spec.key]);
    if (result.problem) warnings.push(result.problem);
    spec.set(link, result.value);
  }
  return { link, warnings, used };
}

/** `key=value` pairs (not yet URI-encoded) for every view key whose value is not the default. */
export function encodeLinkView(link: LinkView): [string, string][] {
  return VIEW_KEYS.map((spec): [string, string] => [spec.key, formatValue(spec, spec.get(link))]).filter(
    ([, text], i) => text !== formatValue(VIEW_KEYS[i], VIEW_KEYS[i].default),
  );
}

/** Defaults for the README's key table. */
export function viewKeyDefault(spec: ViewKeySpec): string {
  return formatValue(spec, spec.default);
}

/**
 * What the compact embed view leaves out even when `hide` does not name it: it keeps the run button, the loss
 * and memory charts and the summary table (and the badge and notices, which `hide` can remove).
 */
export const EMBED_OMITS: readonly AnyPanelId[] = ['settings', 'presets', 'code', 'share', 'speed', 'validation', 'insights', 'about'];

export function isPanelHidden(link: LinkView, panel: AnyPanelId): boolean {
  return (
    (link.view.hidden as string[]).includes(panel) ||
    (link.page.hidden as string[]).includes(panel) ||
    (link.page.embed && EMBED_OMITS.includes(panel))
  );
}

/** The view settings as the results column should show them: in the embed view, its omitted panels are hidden too. */
export function shownView(link: LinkView): ViewSettings {
  if (!link.page.embed) return link.view;
  return { ...link.view, hidden: PANEL_IDS.filter((id) => link.view.hidden.includes(id) || EMBED_OMITS.includes(id)) };
}
