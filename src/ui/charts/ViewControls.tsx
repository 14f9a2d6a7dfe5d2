// Runs in the page. How the charts show the runs: x axis (as TensorBoard's step / relative switch), log
// scale, smoothing, and which panels are shown. Changes apply to the drawing only; nothing is re-run.
import { memo, useId } from 'react';
import { PANEL_IDS, SMOOTHING_MAX, X_AXES, type PanelId, type XAxisKind } from '../../shared/view-settings';
import type { ViewSettingsControl } from '../hooks/use-view-settings';

const X_NAMES: Record<XAxisKind, string> = { batch: 'Batch', samples: 'Samples seen', time: 'Wall time' };

export const PANEL_NAMES: Record<PanelId, string> = {
  loss: 'Loss',
  memory: 'Memory',
  speed: 'Speed',
  validation: 'Validation',
  insights: 'Insights',
  table: 'Table',
  about: 'About the data',
};

// memo: the results re-render every frame while a run streams; these controls change only with the settings.
export const ViewControls = memo(function ViewControls({ view }: { view: ViewSettingsControl }) {
  const id = useId();
  const { settings } = view;
  return (
    <section className="card view-controls" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        Chart view
      </h2>
      <fieldset className="segmented" aria-describedby={`${id}-x-help`}>
        <legend>X axis</legend>
        {X_AXES.map((axis) => (
          <label key={axis} className="check">
            <input
              type="radio"
              name={`${id}-x`}
              value={axis}
              checked={settings.xAxis === axis}
              onChange={() => view.update({ xAxis: axis })}
            />
            {X_NAMES[axis]}
          </label>
        ))}
        <small id={`${id}-x-help`} className="help">
          like TensorBoard's step / relative time switch
        </small>
      </fieldset>
      <div className="view-field">
        <label className="check" htmlFor={`${id}-log`}>
          <input
            id={`${id}-log`}
            type="checkbox"
            checked={settings.logScale}
            onChange={(e) => view.update({ logScale: e.currentTarget.checked })}
            aria-describedby={`${id}-log-help`}
          />
          Log scale (loss)
        </label>
        <small id={`${id}-log-help`} className="help">
          shows late, small improvements
        </small>
      </div>
      <div className="view-field">
        <label htmlFor={`${id}-smooth`}>
          Smoothing <output htmlFor={`${id}-smooth`}>{settings.smoothing.toFixed(2)}</output>
        </label>
        <input
          id={`${id}-smooth`}
          type="range"
          min={0}
          max={SMOOTHING_MAX}
          step={0.01}
          value={settings.smoothing}
          onChange={(e) => view.update({ smoothing: Number(e.currentTarget.value) })}
          aria-describedby={`${id}-smooth-help`}
        />
        <small id={`${id}-smooth-help`} className="help">
          TensorBoard's debiased moving average; 0 = raw
        </small>
      </div>
      <fieldset className="segmented panels">
        <legend>Show</legend>
        {PANEL_IDS.map((panel) => (
          <label key={panel} className="check">
            <input type="checkbox" checked={view.isShown(panel)} onChange={(e) => view.setPanel(panel, e.currentTarget.checked)} />
            {PANEL_NAMES[panel]}
          </label>
        ))}
      </fieldset>
    </section>
  );
});
