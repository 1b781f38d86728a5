// The contract over the loopback web host, for a page opened in a browser: requests as
// `POST /api/<channel>` (the session cookie rides along), events from one shared EventSource.
import {
  eventChannels,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type ResponseOf,
} from '../../../shared/ipc/contract.js';
import {
  ContractError,
  SettledEnvelope,
  unwrap,
  type MullApi,
} from '../../../shared/ipc/envelope.js';

export interface WebApi extends MullApi {
  /** Stops the event stream (tests; a page keeps it for its whole life). */
  close(): void;
}

export interface WebApiOptions {
  /** Where the host is; the page's own origin by default. */
  baseUrl?: string;
}

type AnyListener = (payload: unknown) => void;

export function createWebApi(options: WebApiOptions = {}): WebApi {
  const base = options.baseUrl ?? '';
  const listeners = new Map<EventChannel, Set<AnyListener>>();
  const resyncListeners = new Set<() => void>();
  let source: EventSource | undefined;
  let dropped = false;

  /** Opened on the first subscription; EventSource reconnects by itself after a drop. */
  function eventSource(): EventSource {
    if (source) return source;
    source = new EventSource(`${base}/api/events`);
    // Events sent while the stream was down are gone: after a reconnect, tell the page to
    // fetch its snapshots again.
    source.addEventListener('error', () => {
      dropped = true;
    });
    source.addEventListener('open', () => {
      if (!dropped) return;
      dropped = false;
      for (const listener of resyncListeners) listener();
    });
    for (const channel of eventChannels) {
      source.addEventListener(channel, (message) => {
        const payload = parseEventData((message as MessageEvent<string>).data);
        if (payload === undefined) return;
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      });
    }
    return source;
  }

  return {
    async invoke<C extends RequestChannel>(channel: C, request: unknown): Promise<ResponseOf<C>> {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${channel}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        });
      } catch {
        throw new ContractError(
          'INTERNAL',
          "Mull's web host cannot be reached: is it still running? Start it again and open the address it prints.",
        );
      }
      return unwrap(await settledOf(response)) as ResponseOf<C>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      eventSource();
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const untyped = listener as AnyListener;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    onResync(listener: () => void): () => void {
      eventSource();
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    close() {
      source?.close();
      source = undefined;
    },
  };
}

/** The envelope in a response; a 403 (no token) or any non-envelope answer becomes a ContractError. */
async function settledOf(response: Response) {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SettledEnvelope.safeParse(json);
  if (parsed.success) return parsed.data;
  if (response.status === 403) throw new ContractError('FORBIDDEN', text.trim());
  throw new ContractError('INTERNAL', `Mull answered with HTTP ${response.status}.`);
}

function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined; // not from our host: nothing to tell the listeners
  }
}
