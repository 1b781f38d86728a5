// Which groups of a long answer are near the viewport, so only those are parsed and rendered (a
// 2 MB answer is about 150,000 elements rendered whole: each frame's style and layout, and the
// garbage collector's marking, then take longer than a frame). One IntersectionObserver per
// answer watches every group against the answer's scrolling pane, a screen height above and
// below it, and a ResizeObserver keeps each rendered group's height (the height it keeps while
// far). A group that comes near is rendered one per task, so a jump to the end of a long answer
// never renders several groups in one task; when a streaming answer grows long, the groups it has
// rendered that are far leave a few per task.
//
// Off (`enabled` false: an answer of ordinary length, or no IntersectionObserver as in jsdom),
// every group is near. Turned on while mounted (a streaming answer that grew long), every group
// stays near until the observer has said which are not, so nothing on screen blinks.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface NearViewport {
  isNear: (index: number) => boolean;
  /** The ref of group `index`'s element (stable per index). */
  refFor: (index: number) => (element: HTMLElement | null) => void;
  /** The group's height when it was last rendered, if it was. */
  heightOf: (index: number) => number | undefined;
}

const margin = '100% 0px';
/** Far groups dropped per task after the first report (each removes a few hundred elements). */
const leavingPerTask = 4;
const indexAttribute = 'data-group';
const observable =
  typeof IntersectionObserver !== 'undefined' && typeof ResizeObserver !== 'undefined';

/** The nearest ancestor that scrolls, or undefined for the viewport. */
function scrollParent(element: HTMLElement): HTMLElement | undefined {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return undefined;
}

const indexOf = (target: Element) => Number(target.getAttribute(indexAttribute));

export function useNearViewport(
  container: RefObject<HTMLElement | null>,
  wanted: boolean,
): NearViewport {
  const enabled = wanted && observable;
  // On from the start (a long answer opened): group 0 is shown at once, the rest as they come
  // near. Off: every group ('all'), until the observer has reported.
  const [near, setNear] = useState<ReadonlySet<number> | 'all'>(() =>
    enabled ? new Set([0]) : 'all',
  );
  const elements = useRef(new Map<number, HTMLElement>());
  const refs = useRef(new Map<number, (element: HTMLElement | null) => void>());
  const heights = useRef(new Map<number, number>());
  const observers = useRef<{ io: IntersectionObserver; sizes: ResizeObserver } | undefined>(
    undefined,
  );

  // What rendered last, for the observers' setup below (effects run in order).
  const shown = useRef(near);
  useEffect(() => {
    shown.current = near;
  });

  useEffect(() => {
    const element = container.current;
    if (!enabled || !element) return;
    // The set the observers' callbacks keep (the state is what renders); 'all' until the first
    // report, which names every group observed.
    let nearNow: Set<number> | undefined;
    const waiting = new Set<number>();
    // Far groups still rendered when the observer first reported on an answer that grew long:
    // dropped a few per task, as removing the elements of all of them at once took one task of
    // 70 ms (README, Benchmarks: job_view_long_task_ms).
    const leaving = new Set<number>();
    const pending = () => waiting.size > 0 || leaving.size > 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One group comes in per task (then a few leave per task); the rest wait for the next.
    const step = () => {
      timer = undefined;
      if (!nearNow) return;
      const [next] = waiting;
      if (next !== undefined) {
        waiting.delete(next);
        nearNow.add(next);
      } else {
        for (const index of [...leaving].slice(0, leavingPerTask)) {
          leaving.delete(index);
          nearNow.delete(index);
        }
      }
      setNear(new Set(nearNow));
      if (pending()) timer = setTimeout(step, 0);
    };
    if (shown.current !== 'all') nearNow = new Set(shown.current);
    const io = new IntersectionObserver(
      (entries) => {
        const first = nearNow === undefined;
        const now = (nearNow ??= new Set());
        let changed = first;
        for (const entry of entries) {
          const index = indexOf(entry.target);
          if (first) {
            now.add(index); // rendered already: on screen it stays, far it leaves soon
            if (!entry.isIntersecting) leaving.add(index);
          } else if (entry.isIntersecting) {
            leaving.delete(index); // near again: it stays
            if (!now.has(index)) waiting.add(index);
          } else {
            waiting.delete(index);
            changed = now.delete(index) || changed;
            leaving.delete(index);
          }
        }
        if (changed) setNear(new Set(now));
        if (pending() && timer === undefined) timer = setTimeout(step, 0);
      },
      { root: scrollParent(element) ?? null, rootMargin: margin },
    );
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const index = indexOf(entry.target);
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
        // A group not laid out (its pane hidden) reports 0: not a height to keep.
        if (height > 0 && (nearNow === undefined || nearNow.has(index))) {
          heights.current.set(index, height);
        }
      }
    });
    observers.current = { io, sizes };
    for (const target of elements.current.values()) {
      io.observe(target);
      sizes.observe(target);
    }
    return () => {
      io.disconnect();
      sizes.disconnect();
      observers.current = undefined;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [container, enabled]);

  const refFor = useCallback((index: number) => {
    let ref = refs.current.get(index);
    if (!ref) {
      ref = (element: HTMLElement | null) => {
        const before = elements.current.get(index);
        if (before) {
          observers.current?.io.unobserve(before);
          observers.current?.sizes.unobserve(before);
        }
        if (element) {
          element.setAttribute(indexAttribute, String(index));
          elements.current.set(index, element);
          observers.current?.io.observe(element);
          observers.current?.sizes.observe(element);
        } else {
          elements.current.delete(index);
        }
      };
      refs.current.set(index, ref);
    }
    return ref;
  }, []);

  return {
    isNear: (index) => !enabled || near === 'all' || near.has(index),
    refFor,
    heightOf: (index) => heights.current.get(index),
  };
}
