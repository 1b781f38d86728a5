// The listeners of a backend's events, and the two ways to tell them: `emit` checks an event
// against the contract's schema first (nothing outside it ever leaves), `tell` passes on one that
// was checked already (by the writer thread, before it crossed to the host).
import { events } from '../../shared/ipc/contract.js';
import type { EventListener } from './backend.js';
import type { Logger } from './dispatch.js';

export interface EventHub {
  onEvent: (listener: EventListener) => () => void;
  emit: EventListener;
  tell: EventListener;
  clear: () => void;
}

export function eventHub(log: Logger): EventHub {
  const listeners = new Set<EventListener>();
  const tell: EventListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log(`an event listener for ${event} failed`, error);
      }
    }
  };
  return {
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event, unchecked) => {
      const checked = events[event].safeParse(unchecked);
      if (checked.success) tell(event, checked.data as typeof unchecked);
      else log(`an event ${event} was outside its schema; not sent`, checked.error);
    },
    tell,
    clear: () => listeners.clear(),
  };
}
