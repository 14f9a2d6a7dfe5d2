// Runs in the page. The run's settings, generated from FIELD_TABLE: a knob added there shows up here, with the
// widget its kind names (field-kinds.ts). The everyday knobs (basic: true) come first; the rest (pipeline,
// readback, memory guard, …) fold away under "More settings",
// which opens by itself when the link set any of them.
import { memo, useState, type ReactNode } from 'react';
import { DEFAULT_CONFIG, FIELD_TABLE, type FieldSpec, type ModeName, type RunConfig } from '../../shared/config';
import { KINDS } from '../../shared/field-kinds';
import { BoolField } from './BoolField';
import { ChoiceField } from './ChoiceField';
import { ModesField } from './ModesField';
import { SamplesField } from './SamplesField';
import { TextField } from './TextField';

export interface ConfigFormProps {
  config: RunConfig;
  onChange(config: RunConfig): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// Memoised: the page re-renders on each of a run's events, and the form only needs to when its config does.
export const ConfigForm = memo(function ConfigForm({ config, onChange }: ConfigFormProps) {
  const basic = FIELD_TABLE.filter((s) => s.basic);
  const more = FIELD_TABLE.filter((s) => !s.basic);
  const [open, setOpen] = useState(() => more.some((s) => !same(config[s.name], DEFAULT_CONFIG[s.name])));
  const field = (spec: FieldSpec): ReactNode => {
    const value: unknown = config[spec.name];
    const change = (v: unknown) => onChange({ ...config, [spec.name]: v } as RunConfig);
    // The size control follows the selected data set's real range.
    if (spec.name === 'samples' && spec.kind === 'int') {
      return <SamplesField key={spec.key} spec={spec} dataset={config.dataset} value={config.samples} onChange={change} />;
    }
    switch (KINDS[spec.kind].widget) {
      case 'checklist':
        return spec.kind === 'choiceList' && <ModesField key={spec.key} spec={spec} value={value as ModeName[]} onChange={change} />;
      case 'select':
        return spec.kind === 'choice' && <ChoiceField key={spec.key} spec={spec} value={String(value)} onChange={change} />;
      case 'checkbox':
        return <BoolField key={spec.key} spec={spec} value={value === true} onChange={change} />;
      case 'text':
        return <TextField key={spec.key} spec={spec} value={value} onChange={change} />;
    }
  };
  return (
    <div className="fields">
      {basic.map(field)}
      {more.length > 0 && (
        <details className="more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>More settings ({more.length})</summary>
          <div className="fields">{more.map(field)}</div>
        </details>
      )}
    </div>
  );
});
