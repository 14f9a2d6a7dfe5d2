// Runs in the page. Pick or drop a CSV file, see how the worker read it (preview, column kinds, label, task),
// choose the label column. Errors name the line and column, and the previous data set stays selected.
import { useId, useState, type DragEvent } from 'react';
import { formatInt } from '../format';
import './csv.css';
import type { CsvState } from './use-csv-file';

interface CsvPickerProps {
  state: CsvState;
  onFile(file: File): void;
  onLabel(label: string): void;
}

export function CsvPicker({ state, onFile, onLabel }: CsvPickerProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const ready = state.phase === 'ready' ? state : state.phase === 'failed' ? state.previous : null;
  return (
    <section className="csv-picker" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>Your CSV file</h3>
      <div
        className={`csv-drop${dragging ? ' dragging' : ''}`}
        data-testid="csv-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>Drop a .csv file here, or choose one</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          data-testid="csv-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
            e.currentTarget.value = '';
          }}
        />
        <p className="muted">The file stays on this machine: the training worker reads it; fitDataset streams it batch by batch.</p>
      </div>
      {state.phase === 'reading' && <p role="status">Reading {state.name}…</p>}
      {state.phase === 'failed' && (
        <p role="alert" className="csv-error" data-testid="csv-error">
          {state.message}
          {state.previous ? ` (still using ${state.previous.csv.name})` : ' (the data set was not changed)'}
        </p>
      )}
      {ready && (
        <div data-testid="csv-summary">
          <p>
            <strong>{ready.csv.name}</strong>: {formatInt(ready.inspection.rows)} rows, {ready.inspection.features.length} numeric features,{' '}
            {ready.inspection.task === 'classification' ? `${ready.inspection.classes?.length} classes` : 'regression'}
          </p>
          <label>
            Label column{' '}
            <select value={ready.inspection.label} onChange={(e) => onLabel(e.currentTarget.value)} data-testid="csv-label">
              {ready.inspection.columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.kind})
                </option>
              ))}
            </select>
          </label>
          {ready.inspection.notices.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
          <div className="table-scroll">
            <table className="csv-preview">
              <caption>First rows, as read</caption>
              <thead>
                <tr>
                  {ready.inspection.preview[0].map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                      <br />
                      <span className="muted">
                        {ready.inspection.columns[i]?.kind}
                        {h === ready.inspection.label ? ', label' : ''}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ready.inspection.preview.slice(1).map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
