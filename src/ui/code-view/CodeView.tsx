// Runs in the page. The code the current setup stands for: TF.js and the equivalent Keras (Python), for one of
// the chosen modes, generated from the RunConfig (src/codegen) and copyable. Shown as text only.
import { useId, useMemo, useState } from 'react';
import type { ModeName, RunConfig } from '../../shared/config';
import { kerasCode } from '../../codegen/keras-code';
import { tfjsCode } from '../../codegen/tfjs-code';
import './code-view.css';

type Language = 'tfjs' | 'keras';
const LANGUAGES: { id: Language; label: string }[] = [
  { id: 'tfjs', label: 'TF.js' },
  { id: 'keras', label: 'Keras (Python)' },
];

export function CodeView({ config }: { config: RunConfig }) {
  const id = useId();
  const [language, setLanguage] = useState<Language>('tfjs');
  const [wanted, setMode] = useState<ModeName>(config.modes[0]);
  const [status, setStatus] = useState('');
  const mode = config.modes.includes(wanted) ? wanted : config.modes[0];
  const code = useMemo(() => (language === 'tfjs' ? tfjsCode(config, mode) : kerasCode(config, mode)), [config, mode, language]);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('Copied.');
    } catch {
      const selection = window.getSelection();
      const node = document.getElementById(`${id}-code`);
      if (selection && node) selection.selectAllChildren(node);
      setStatus('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <section className="card code-view" aria-labelledby={`${id}-heading`} data-testid="code-view">
      <h2 id={`${id}-heading`}>The code behind this setup</h2>
      <div className="code-bar">
        <div role="group" aria-label="Language" className="code-langs">
          {LANGUAGES.map((l) => (
            <button key={l.id} type="button" aria-pressed={language === l.id} onClick={() => setLanguage(l.id)}>
              {l.label}
            </button>
          ))}
        </div>
        <label>
          Mode{' '}
          <select value={mode} onChange={(e) => setMode(e.currentTarget.value as ModeName)} data-testid="code-mode">
            {config.modes.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <span className="muted code-status" role="status">
          {status}
        </span>
      </div>
      <pre className="code-text" tabIndex={0} aria-label={`${LANGUAGES.find((l) => l.id === language)!.label} code for ${mode}`}>
        <code id={`${id}-code`} data-testid="code-text" data-language={language}>
          {code}
        </code>
      </pre>
    </section>
  );
}
