// Runs in the page. Stable element ids per field, so labels and hints point at their controls.
export const fieldId = (key: string): string => `field-${key}`;
export const helpId = (key: string): string => `field-${key}-help`;
export const problemId = (key: string): string => `field-${key}-problem`;
