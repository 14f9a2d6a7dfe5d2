// Runs everywhere (pure). The README's generated sections: the table of URL keys (built from FIELD_TABLE and
// VIEW_KEYS, the same tables the decoder and encoder read) and the preset list. `npm run docs` writes them
// between their markers; tests/preset/docs.test.ts fails when the README and the code disagree.
import { DEFAULT_CONFIG, FIELD_TABLE } from '../../src/shared/config';
import { formatValue, kindOf } from '../../src/shared/field-kinds';
import { URL_FORMAT_VERSION, VERSION_KEY } from '../../src/links/url-codec';
import { PRESETS, presetQuery } from '../../src/presets/presets';
import { VIEW_KEYS, viewKeyDefault } from '../../src/links/view-settings';

export interface KeyRow {
  key: string;
  /** RunConfig field name, or view.…/page.… for the view keys ('' for the version key). */
  name: string;
  group: 'format' | 'run' | 'view';
  values: string;
  default: string;
  help: string;
}

const show = (value: unknown): string => {
  const text = Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return text === '' ? '(none)' : text;
};

export function keyRows(): KeyRow[] {
  return [
    {
      key: VERSION_KEY,
      name: '',
      group: 'format',
      values: String(URL_FORMAT_VERSION),
      default: String(URL_FORMAT_VERSION),
      help: 'format version; written on every link, a link without it is read as v1',
    },
    ...FIELD_TABLE.map((spec): KeyRow => ({
      key: spec.key,
      name: spec.name,
      group: 'run',
      values: kindOf(spec).values(spec),
      default: show(formatValue(spec, DEFAULT_CONFIG[spec.name])),
      help: spec.help,
    })),
    ...VIEW_KEYS.map((spec): KeyRow => ({
      key: spec.key,
      name: spec.setting,
      group: 'view',
      values: kindOf(spec).values(spec),
      default: show(viewKeyDefault(spec)),
      help: spec.help,
    })),
  ];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function keyTableMarkdown(): string {
  const lines = ['| key | setting | values | default | what it does |', '| --- | --- | --- | --- | --- |'];
  for (const row of keyRows()) {
    const setting = row.group === 'format' ? '—' : row.name;
    lines.push(`| \`${row.key}\` | ${setting} | ${cell(row.values)} | ${cell(row.default)} | ${cell(row.help)} |`);
  }
  return lines.join('\n');
}

/** Where the README's preset links point: the dev server of the Quick start. */
export const README_APP_URL = 'http://127.0.0.1:5173/';

export function presetListMarkdown(): string {
  return PRESETS.map(
    (p) => `- [**${p.title}**](${README_APP_URL}?${presetQuery(p)}) (\`${p.id}\`): ${p.claim} *Look for:* ${p.lookFor}`,
  ).join('\n');
}

export const README_SECTIONS: Readonly<Record<string, () => string>> = {
  'url-keys': keyTableMarkdown,
  presets: presetListMarkdown,
};

const marker = (name: string, end: boolean) => `<!-- generated:${name}:${end ? 'end' : 'start'} (npm run docs) -->`;

/** The README with every generated section rewritten between its markers. Throws when a marker is missing. */
export function updateReadme(readme: string): string {
  let text = readme;
  for (const [name, render] of Object.entries(README_SECTIONS)) {
    const start = marker(name, false);
    const end = marker(name, true);
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section`);
    text = `${text.slice(0, from + start.length)}\n${render()}\n${text.slice(to)}`;
  }
  return text;
}
