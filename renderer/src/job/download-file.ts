// Saves text or bytes as a file the browser's own way: a Blob URL on a temporary download link, revoked
// once the download has started. Nothing leaves the machine.
import type { ExportedFile } from '../../../shared/ipc/contract.js';

export function downloadFile(file: ExportedFile): void {
  downloadBlob(new Blob([file.content], { type: file.mimeType }), file.filename);
}

/** Saves bytes (a stored attachment) under `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
