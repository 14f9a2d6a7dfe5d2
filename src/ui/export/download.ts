// Runs in the page. Hands a file to the browser's download (an object URL on a temporary link).
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has the data by the next task; revoking later rather than at once keeps old browsers happy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** "2026-11-29T09-08-49" — safe in file names on every system. */
export function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}
