// Page-wide keys: `/` search, `n` new job, j/k move on the board, Escape closes what is open.
// Letters do nothing while the person types in a field, and an open modal dialog keeps its own keys.
import { useEffect, useRef } from 'react';

export interface GlobalKeyActions {
  focusSearch(): void;
  newJob(): void;
  move(delta: number): void;
  close(): void;
}

function isTextEntry(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(element.type);
}

export function useGlobalKeys(actions: GlobalKeyActions): void {
  // The latest actions without re-subscribing on every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      // A modal dialog keeps its keys even when the focus fell out of it (onto the page's body,
      // when a focused button became disabled): Escape must reach the dialog, not close a pane.
      if (target?.closest('dialog') || document.querySelector('dialog[open]')) return;
      const typing = isTextEntry(target);
      if (event.key === 'Escape') {
        event.preventDefault();
        if (typing && target instanceof HTMLElement) target.blur();
        else latest.current.close();
        return;
      }
      if (typing) return;
      const keyActions: Record<string, () => void> = {
        '/': () => latest.current.focusSearch(),
        n: () => latest.current.newJob(),
        j: () => latest.current.move(1),
        k: () => latest.current.move(-1),
      };
      const action = keyActions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
