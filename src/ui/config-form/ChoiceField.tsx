// Runs in the page. A field with a fixed set of values, as a select.
import type { FieldSpec } from '../../shared/config';
import { fieldId, helpId } from './field-ids';

export interface ChoiceFieldProps {
  spec: Extract<FieldSpec, { kind: 'choice' }>;
  value: string;
  onChange(value: string): void;
}

export function ChoiceField({ spec, value, onChange }: ChoiceFieldProps) {
  return (
    <div className="field">
      <label htmlFor={fieldId(spec.key)}>{spec.label}</label>
      <select
        id={fieldId(spec.key)}
        name={spec.key}
        value={value}
        aria-describedby={helpId(spec.key)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {spec.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <small id={helpId(spec.key)} className="help">
        {spec.help}
      </small>
    </div>
  );
}
