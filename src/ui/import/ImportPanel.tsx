// Runs in the page. Choose or drop a fitscope result file (the page's JSON export or the CLI's --json): its
// runs come back as kept runs labelled "imported". A file that cannot be used gets one message saying what is
// wrong, and the page keeps what it had.
import { useId, useState, type DragEvent } from 'react';
import type { RunBook } from '../chart-data/run-book';
import { addRuns } from './add-runs';
import { readResultFile } from './read-result';
import './import.css';

type ImportState = { kind: 'idle' } | { kind: 'reading'; name: string } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export function ImportPanel({ book }: { book: RunBook }) {
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const importFile = async (file: File) => {
    setState({ kind: 'reading', name: file.name });
    const read = await readResultFile(file);
    if (!read.ok) return setState({ kind: 'failed', text: read.message });
    // Runs are added after the kept ones; a run still going must stay the latest, which Stop acts on.
    if (book.runs.some((r) => r.busy)) return setState({ kind: 'failed', text: 'Wait for the run to finish, then import the file again.' });
    addRuns(book, read.runs, 'imported', performance.now());
    const n = read.runs.length;
    setState({ kind: 'done', text: `Imported ${n} run${n === 1 ? '' : 's'} from "${file.name}".` });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <section
      className={`card import-results${dragging ? ' dragging' : ''}`}
      aria-labelledby={`${inputId}-title`}
      data-testid="import-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id={`${inputId}-title`}>Import</h2>
      <label htmlFor={inputId}>Drop a fitscope JSON result here (this page's export or the CLI's --json), or choose one</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        data-testid="import-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void importFile(file);
          e.currentTarget.value = '';
        }}
      />
      {state.kind === 'reading' && <p role="status">Reading {state.name}…</p>}
      {state.kind === 'done' && (
        <p role="status" data-testid="import-message" data-kind="done">
          {state.text}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="import-error" data-testid="import-message" data-kind="error">
          {state.text}
        </p>
      )}
    </section>
  );
}
