// Runs everywhere (types only). The user's CSV file as it crosses from the page to the worker, and what the
// worker's first look at it reports back for the preview.

export interface CsvFile {
  /** A File from a drop or a picker: it travels to the worker as a handle, not a copy. */
  file: Blob;
  name: string;
  /** Label column; the last column when absent. */
  label?: string;
}

export interface CsvColumn {
  name: string;
  kind: 'number' | 'text';
}

export interface CsvInspection {
  columns: CsvColumn[];
  /** The header and the first rows as text, for the page's preview. */
  preview: string[][];
  /** Data rows (the header excluded). */
  rows: number;
  label: string;
  task: 'regression' | 'classification';
  /** Class names in order of first appearance (classification only). */
  classes: string[] | null;
  features: string[];
  /** Columns left out, and why. */
  notices: string[];
}
