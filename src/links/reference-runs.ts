// Runs everywhere (pure). The reference result files shipped with the app (public/refs/<name>.json, made by
// scripts/make-refs.ts from the presets of the same name): the values the `ref` link key takes. Being a fixed
// list, a link can name only these files, never a path or another origin. A test checks the list against
// the folder.
export const REFERENCE_RUNS = [
  'small-data-fit',
  'fit-wasm-small',
  'leaky-loop',
  'slow-io',
  // The same presets in real Keras (TensorFlow's CPU kernels), made by `npm run keras -- <the preset's flags> --json`:
  // summaries without per-batch traces (scripts/keras/reference/README.md has the commands).
  'keras-small-data-fit',
  'keras-fit-wasm-small',
  'keras-slow-io',
] as const;
export type ReferenceRunName = (typeof REFERENCE_RUNS)[number];

/** The file of a reference, relative to the page (so the app works from a sub-path). */
export function referencePath(name: ReferenceRunName): string {
  return `refs/${name}.json`;
}
