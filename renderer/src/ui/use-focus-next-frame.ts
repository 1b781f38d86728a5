// Moves the focus to an element that just opened, in the next frame rather than in the task that
// rendered it. Focusing lays the page out at once: after a key or a click React mounts in that
// event's own task, which then also paid for the layout of everything it had just rendered (the
// composer opening was one task of 50-70 ms; the layout is the frame's own work anyway).
import { useEffect, type RefObject } from 'react';

export interface FocusNextFrameOptions {
  /** Focus only when this holds (checked when the effect runs). */
  when?: boolean;
  /** Leave the focus where it is if it is already inside the element (a field it holds took it). */
  unlessInside?: boolean;
  preventScroll?: boolean;
}

/** Focuses `ref`'s element in the frame after each change of `key` (and after mounting). */
export function useFocusNextFrame(
  ref: RefObject<HTMLElement | null>,
  key: unknown,
  { when = true, unlessInside = false, preventScroll = false }: FocusNextFrameOptions = {},
): void {
  useEffect(() => {
    if (!when) return;
    const frame = requestAnimationFrame(() => {
      const element = ref.current;
      if (!element) return;
      if (unlessInside && element.contains(document.activeElement)) return;
      element.focus({ preventScroll });
    });
    return () => cancelAnimationFrame(frame);
  }, [ref, key, when, unlessInside, preventScroll]);
}
