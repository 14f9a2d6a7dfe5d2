// Runs in the page. The run's settings, generated from FIELD_TABLE: a knob added there shows up here. The
// everyday knobs come first; the rest (pipeline, readback, memory guard, …) fold away under "More settings",
// which opens by itself when the link set any of them.
import { memo, useState, type ReactNode } from 'react';
import { DEFAULT_CONFIG, FIELD_TABLE, type FieldSpec, type ModeName, type RunConfig } from '../../shared/config';
import { BoolField } from './BoolField';
import { ChoiceField } from './ChoiceField';
import { ModesField } from './ModesField';
import { SamplesField } from './SamplesField';
import { TextField } from './TextField';

/** URL keys of the fields shown without unfolding. */
const BASIC_KEYS = ['modes', 'dataset', 'samples', 'features', 'batch', 'epochs', 'hidden', 'optimizer', 'lr', 'seed', 'backend'];

export interface ConfigFormProps {
  config: RunConfig;
  onChange(config: RunConfig): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// Memoised: the page re-renders on each of a run's events, and the form only needs to when its config does.
export const ConfigForm = memo(function ConfigForm({ config, onChange }: ConfigFormProps) {
  const basic = FIELD_TABLE.filter((s) => BASIC_KEYS.includes(s.key));
  const more = FIELD_TABLE.filter((s) => !BASIC_KEYS.includes(s.key));
  const [open, setOpen] = useState(() => more.some((s) => !same(config[s.name], DEFAULT_CONFIG[s.name])));
  const field = (spec: FieldSpec): ReactNode => {
    const value: unknown = config[spec.name];
    const change = (v: unknown) => onChange({ ...config, [spec.name]: v } as RunConfig);
    switch (spec.kind) {
      case 'choiceList':
        return <ModesField key={spec.key} spec={spec} value={value as ModeName[]} onChange={change} />;
      case 'choice':
        return <ChoiceField key={spec.key} spec={spec} value={String(value)} onChange={change} />;
      case 'bool':
        return <BoolField key={spec.key} spec={spec} value={value === true} onChange={change} />;
      case 'int':
        // The size control follows the selected data set's real range.
        if (spec.name === 'samples') return <SamplesField key={spec.key} spec={spec} dataset={config.dataset} value={config.samples} onChange={change} />;
        return <TextField key={spec.key} spec={spec} value={value} onChange={change} />;
      default:
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
