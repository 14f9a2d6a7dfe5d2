// Runs in the page. The preset gallery: each preset is a plain link (open it, share it, open it in a new tab)
// to a setup that shows one claim of the seed article in numbers, with one line on what to look for.
import type { RunConfig } from '../../shared/config';
import { PRESETS, presetConfig, presetQuery } from '../../presets/presets';
import './presets.css';

export interface PresetGalleryProps {
  /** The setup on the form: the preset it matches, if any, is marked as current. */
  config: RunConfig;
}

const same = (a: RunConfig, b: RunConfig) => JSON.stringify(a) === JSON.stringify(b);

export function PresetGallery({ config }: PresetGalleryProps) {
  return (
    <section className="card presets" aria-labelledby="presets-heading" data-testid="preset-gallery">
      <h2 id="presets-heading">Presets: the article's claims, in numbers</h2>
      <p className="muted presets-intro">
        Each opens a setup that tests one claim of “fit vs fit_generator vs train_on_batch”. Press Run, then look where the line says.
        Paired presets differ in one knob.
      </p>
      <ul className="preset-list">
        {PRESETS.map((preset) => {
          const current = same(presetConfig(preset), config);
          return (
            <li key={preset.id} className="preset" data-preset={preset.id} data-pair={preset.pair}>
              <a href={`?${presetQuery(preset)}`} aria-current={current ? 'page' : undefined} className="preset-title">
                {preset.title}
              </a>
              <p className="preset-claim">{preset.claim.replace(/`/g, '')}</p>
              <p className="preset-look">
                <span className="preset-look-label">Look for:</span> {preset.lookFor}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
