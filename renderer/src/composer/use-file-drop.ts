// Files dropped anywhere on the composer are attached (not opened by the browser in place of the
// app), and files pasted into it are too; pasted text stays text. `dropping` is true while files
// are dragged over it, for the outline that shows where a drop lands.
import { useState, type ClipboardEvent, type DragEvent } from 'react';

function hasFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

export function useFileDrop(add: (files: Iterable<File>) => void) {
  const [dropping, setDropping] = useState(false);
  const handlers = {
    onDragOver(event: DragEvent) {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    },
    onDragLeave(event: DragEvent) {
      // Leaving for a child of the composer is not leaving it.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop(event: DragEvent) {
      setDropping(false);
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      add(Array.from(event.dataTransfer.files));
    },
    onPaste(event: ClipboardEvent) {
      const pasted = Array.from(event.clipboardData.files);
      if (pasted.length === 0) return;
      event.preventDefault();
      add(pasted);
    },
  };
  return { dropping, handlers };
}
