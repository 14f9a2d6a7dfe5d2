// Runs in the page. The size control, bounded by the selected data set's real range (DATASETS): a fixed-size
// set shows its count instead of an input that would have no effect; a value outside a set's range says
// what the run will use.
import type { DatasetName, FieldSpec } from '../../shared/config';
import { DATASETS } from '../../shared/datasets';
import { clampSamples } from '../../shared/training-plan';
import { formatInt } from '../format';
import { fieldId, helpId } from './field-ids';
import { TextField } from './TextField';

export interface SamplesFieldProps {
  spec: Extract<FieldSpec, { kind: 'int' }>;
  dataset: DatasetName;
  value: number;
  onChange(value: unknown): void;
}

export function SamplesField({ spec, dataset, value, onChange }: SamplesFieldProps) {
  const info = DATASETS[dataset];
  // A file decides its own length: keep the table's range.
  if (!info || info.maxSamples >= Number.MAX_SAFE_INTEGER) return <TextField spec={spec} value={value} onChange={onChange} />;
  if (info.minSamples === info.maxSamples) {
    return (
      <div className="field">
        <label htmlFor={fieldId(spec.key)}>{spec.label}</label>
        <input id={fieldId(spec.key)} type="text" readOnly value={formatInt(info.minSamples)} aria-describedby={helpId(spec.key)} />
        <small id={helpId(spec.key)} className="help">
          fixed: {info.title} has {formatInt(info.minSamples)} training samples
        </small>
      </div>
    );
  }
  const ranged = { ...spec, min: info.minSamples, max: info.maxSamples };
  const used = clampSamples(info, value);
  return (
    <>
      <TextField key={dataset} spec={ranged} value={value} onChange={onChange} />
      {used !== value && (
        <small className="problem field-note" role="status">
          {dataset} offers {formatInt(info.minSamples)}–{formatInt(info.maxSamples)}: a run uses {formatInt(used)}
        </small>
      )}
    </>
  );
}
