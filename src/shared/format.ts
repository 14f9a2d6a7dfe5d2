// Runs everywhere. Number formatting shared by the page, the CLI and engine messages.
const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  if (Math.abs(bytes) >= GB) return `${(bytes / GB).toFixed(2)} GB`;
  if (Math.abs(bytes) >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (Math.abs(bytes) >= KB) return `${(bytes / KB).toFixed(1)} kB`;
  return `${bytes} B`;
}
