// Runs in the page. The modes to run, as checkboxes in a fieldset; the last one checked cannot be unchecked.
import type { ModeName } from '../../shared/config';
import type { FieldSpec } from '../../shared/config';
import { MODE_COLORS } from '../charts/mode-colors';
import { fieldId, helpId } from './field-ids';

export interface ModesFieldProps {
  spec: Extract<FieldSpec, { kind: 'choiceList' }>;
  value: readonly ModeName[];
  onChange(value: ModeName[]): void;
}

export function ModesField({ spec, value, onChange }: ModesFieldProps) {
  const toggle = (mode: ModeName, on: boolean) => {
    const next = spec.choices.filter((c) => (c === mode ? on : value.includes(c as ModeName))) as ModeName[];
    if (next.length > 0) onChange(next);
  };
  return (
    <fieldset className="field field-modes" aria-describedby={helpId(spec.key)}>
      <legend>{spec.label}</legend>
      <div className="checks">
        {spec.choices.map((choice) => {
          const mode = choice as ModeName;
          const checked = value.includes(mode);
          const id = `${fieldId(spec.key)}-${mode}`;
          return (
            <label key={mode} htmlFor={id} className="check">
              <input
                id={id}
                type="checkbox"
                name={spec.key}
                value={mode}
                checked={checked}
                disabled={checked && value.length === 1}
                onChange={(e) => toggle(mode, e.currentTarget.checked)}
              />
              <span className="swatch" style={{ background: MODE_COLORS[mode] }} aria-hidden="true" />
              {mode}
            </label>
          );
        })}
      </div>
      <small id={helpId(spec.key)} className="help">
        {spec.help}
      </small>
    </fieldset>
  );
}
