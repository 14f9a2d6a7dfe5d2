// Runs in the page. An on/off field, as a checkbox.
import type { FieldSpec } from '../../shared/config';
import { fieldId, helpId } from './field-ids';

export interface BoolFieldProps {
  spec: FieldSpec;
  value: boolean;
  onChange(value: boolean): void;
}

export function BoolField({ spec, value, onChange }: BoolFieldProps) {
  return (
    <div className="field">
      <label htmlFor={fieldId(spec.key)} className="check">
        <input
          id={fieldId(spec.key)}
          name={spec.key}
          type="checkbox"
          checked={value}
          aria-describedby={helpId(spec.key)}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {spec.label}
      </label>
      <small id={helpId(spec.key)} className="help">
        {spec.help}
      </small>
    </div>
  );
}
