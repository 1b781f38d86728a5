// The contract over the loopback web host, for a page opened in a browser: requests as
// `POST /api/<channel>`, events from one shared stream of `GET /api/events`, both with the run's
// token as `Authorization: Bearer`. No cookie: cookies reach every port of 127.0.0.1, a header only
// goes where this script sends it (node/web-host/request-guard.ts says why). Attachment bytes
// travel beside the contract, with the same token (web-attachments.ts).
import { createParser } from 'eventsource-parser';
import {
  eventChannels,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type ResponseOf,
} from '../../../shared/ipc/contract.js';
import { unwrap, type MullApi } from '../../../shared/ipc/envelope.js';
import { hostFetch, settledOf } from './host-fetch.js';
import { webAttachments } from './web-attachments.js';

export interface WebApi extends MullApi {
  /** Stops the event stream (tests; a page keeps it for its whole life). */
  close(): void;
  /** Opens the event stream if needed; resolves once it is connected (events from now on arrive). */
  connected(): Promise<void>;
}

export interface WebApiOptions {
  /** Where the host is; the page's own origin by default. */
  baseUrl?: string;
  /** The run's token; by default the page's own (pageSessionToken). */
  token?: string;
}

/** Where this tab keeps the token: sessionStorage belongs to this origin (port included). */
export const sessionTokenKey = 'mull.session';

/** What the host answers without the token, said by the page itself when it has none. */
export const noSessionSentence =
  'Open Mull with the address it printed when it started: that address carries its token.';

/** Before the host names its own delay (`retry:`), and after a failed connection. */
const defaultRetryMs = 2_000;

let kept: string | undefined;

/**
 * The token of this tab. The printed address carries it in its fragment (`/#token=T`), which no
 * server ever sees: it is moved to sessionStorage and dropped from the address (before the router
 * reads the hash), so a reload keeps it, a duplicated tab gets a copy, and nothing in history,
 * bookmarks or a copied address holds it. Undefined when the tab was opened without it.
 */
export function pageSessionToken(): string | undefined {
  const fromAddress = /^#token=([\w-]+)$/.exec(window.location.hash)?.[1];
  if (fromAddress !== undefined) {
    kept = fromAddress;
    try {
      window.sessionStorage.setItem(sessionTokenKey, fromAddress);
    } catch {
      // Storage turned off: the token lives as long as this page, a reload needs the address.
    }
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    return fromAddress;
  }
  try {
    return window.sessionStorage.getItem(sessionTokenKey) ?? kept;
  } catch {
    return kept;
  }
}

/**
 * Opening an address with a token in a tab already open at that origin (Mull printed a new one
 * after a restart, or the bare address was opened first) changes only the fragment: no load, no
 * new token. Take it and load the page again, which then starts with it.
 */
export function takeTokensOpenedLater(): void {
  window.addEventListener('hashchange', () => {
    if (!window.location.hash.startsWith('#token=')) return;
    if (pageSessionToken() !== undefined) window.location.reload();
  });
}

type AnyListener = (payload: unknown) => void;

export function createWebApi(options: WebApiOptions = {}): WebApi {
  const base = options.baseUrl ?? '';
  const token = options.token ?? pageSessionToken();
  const auth: Record<string, string> =
    token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const listeners = new Map<EventChannel, Set<AnyListener>>();
  const resyncListeners = new Set<() => void>();
  let stream: AbortController | undefined;
  let connectedNow = false;
  const whenConnected: Array<() => void> = [];

  function deliver(event: string | undefined, data: string): void {
    const channel = eventChannels.find((known) => known === event);
    if (channel === undefined) return;
    const payload = parseEventData(data);
    if (payload === undefined) return;
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  }

  /**
   * Opened on the first subscription and kept open, reconnecting after a drop as EventSource
   * would (after the host's `retry:` delay); a refusal (no or a wrong token) ends it, as it ends an
   * EventSource. Events sent while the stream was down are gone: after a reconnect the page is told
   * to fetch its snapshots again.
   */
  function openEvents(): void {
    if (stream) return;
    const controller = new AbortController();
    stream = controller;
    void followEvents(controller.signal);
  }

  async function followEvents(signal: AbortSignal): Promise<void> {
    let retryMs = defaultRetryMs;
    let dropped = false;
    while (!signal.aborted) {
      try {
        const response = await fetch(`${base}/api/events`, {
          headers: { ...auth, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal,
        });
        if (response.status === 401 || response.status === 403) return;
        if (response.ok && response.body) {
          connectedNow = true;
          for (const resolve of whenConnected.splice(0)) resolve();
          if (dropped) {
            dropped = false;
            for (const listener of resyncListeners) listener();
          }
          await readEvents(response.body, signal, deliver, (ms) => (retryMs = ms));
        }
      } catch {
        // Unreachable (the host is restarting or gone), cut off, or closed: see the loop's test.
      }
      connectedNow = false;
      dropped = true;
      await sleep(retryMs, signal);
    }
  }

  return {
    async invoke<C extends RequestChannel>(channel: C, request: unknown): Promise<ResponseOf<C>> {
      const response = await hostFetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      return unwrap(await settledOf(response)) as ResponseOf<C>;
    },
    ...webAttachments(base, auth),
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      openEvents();
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const untyped = listener as AnyListener;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    onResync(listener: () => void): () => void {
      openEvents();
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    close() {
      stream?.abort();
      stream = undefined;
      connectedNow = false;
    },
    connected() {
      openEvents();
      if (connectedNow) return Promise.resolve();
      return new Promise((resolve) => whenConnected.push(resolve));
    },
  };
}

/** Feeds the stream to an SSE parser until it ends (resolves) or breaks (rejects). */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  deliver: (event: string | undefined, data: string) => void,
  onRetry: (ms: number) => void,
): Promise<void> {
  const parser = createParser({ onEvent: ({ event, data }) => deliver(event, data), onRetry });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined; // not from our host: nothing to tell the listeners
  }
}
