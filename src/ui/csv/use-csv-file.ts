// Runs in the page. The user's CSV file: picked or dropped, then inspected in the worker (the page never
// parses it). A bad file leaves the previous choice in place and says what is wrong, line and column.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CsvFile, CsvInspection } from '../../shared/csv';

export type CsvState =
  | { phase: 'none' }
  | { phase: 'reading'; name: string }
  | { phase: 'ready'; csv: CsvFile; inspection: CsvInspection }
  | { phase: 'failed'; name: string; message: string; previous: { csv: CsvFile; inspection: CsvInspection } | null };

export function useCsvFile(inspect: (csv: CsvFile) => Promise<CsvInspection>) {
  const [state, setState] = useState<CsvState>({ phase: 'none' });
  const ready = useRef<{ csv: CsvFile; inspection: CsvInspection } | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (file: Blob, name: string, label?: string) => {
      const mine = ++generation.current;
      setState({ phase: 'reading', name });
      const csv: CsvFile = { file, name, ...(label ? { label } : {}) };
      try {
        const inspection = await inspect(csv);
        if (mine !== generation.current) return;
        ready.current = { csv: { ...csv, label: inspection.label }, inspection };
        setState({ phase: 'ready', ...ready.current });
      } catch (e) {
        if (mine !== generation.current) return;
        setState({ phase: 'failed', name, message: (e as Error)?.message ?? String(e), previous: ready.current });
      }
    },
    [inspect],
  );

  const chooseLabel = useCallback(
    (label: string) => {
      const current = ready.current;
      if (current && label !== current.inspection.label) void load(current.csv.file, current.csv.name, label);
    },
    [load],
  );

  // From the state, not the ref: what a render shows is a function of the state (the ref serves the callbacks).
  const chosen = useMemo(
    () => (state.phase === 'ready' ? { csv: state.csv, inspection: state.inspection } : state.phase === 'failed' ? state.previous : null),
    [state],
  );
  /** `chosen`: the file a run trains on (the last one that read cleanly), null while none or while one is read. */
  return { state, load, chooseLabel, chosen };
}
