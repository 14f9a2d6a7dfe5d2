// Runs in the page. Numbers and number lists, typed as text. The draft is checked with the same coercion as
// the URL decoder: a valid value updates the config at once, an invalid one is shown and not applied, and
// leaving the field puts the value in force back.
import { useState } from 'react';
import type { FieldSpec } from '../../shared/config';
import { coerceField } from '../../shared/config-coerce';
import { fieldId, helpId, problemId } from './field-ids';

export interface TextFieldProps {
  /** Any field typed as text: numbers, number lists, and mixed ones such as 'every' | N. */
  spec: FieldSpec;
  value: unknown;
  onChange(value: unknown): void;
}

const show = (value: unknown): string => (Array.isArray(value) ? value.join(',') : String(value));

function rangeHint(spec: FieldSpec): string {
  return (spec.kind === 'int' || spec.kind === 'number') && 'min' in spec ? ` (${spec.min}–${spec.max})` : '';
}

export function TextField({ spec, value, onChange }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? show(value);
  const problem = draft === null ? undefined : coerceField(spec, draft).problem;
  const numeric = spec.kind === 'int' || spec.kind === 'intList';
  const describedBy = problem ? `${helpId(spec.key)} ${problemId(spec.key)}` : helpId(spec.key);
  return (
    <div className="field">
      <label htmlFor={fieldId(spec.key)}>{spec.label}</label>
      <input
        id={fieldId(spec.key)}
        name={spec.key}
        type="text"
        inputMode={numeric ? 'numeric' : spec.kind === 'number' ? 'decimal' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDraft(next);
          const result = coerceField(spec, next);
          if (!result.problem) onChange(result.value);
        }}
        onBlur={() => setDraft(null)}
      />
      <small id={helpId(spec.key)} className="help">
        {spec.help}
        {rangeHint(spec)}
      </small>
      {problem && (
        <small id={problemId(spec.key)} className="problem">
          {problem}
        </small>
      )}
    </div>
  );
}
