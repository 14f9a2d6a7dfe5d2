// Runs everywhere (pure). The reference result files shipped with the app (public/refs/<name>.json, made by
// scripts/make-refs.ts from the presets of the same name): the values the `ref` link key takes. Being a fixed
// list, a link can name only these files, never a path or another origin. A test checks the list against
// the folder.
export const REFERENCE_RUNS = ['small-data-fit', 'fit-wasm-small', 'leaky-loop', 'slow-io'] as const;
export type ReferenceRunName = (typeof REFERENCE_RUNS)[number];

/** The file of a reference, relative to the page (so the app works from a sub-path). */
export function referencePath(name: ReferenceRunName): string {
  return `refs/${name}.json`;
}
