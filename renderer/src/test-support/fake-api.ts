// A MullApi for component tests: answers from a table of handlers, records calls, and lets the
// test push events as the main process would.
import type {
  EventChannel,
  EventOf,
  RequestChannel,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc/contract.js';
import { ContractError, type MullApi } from '../../../shared/ipc/envelope.js';
import type { JobAttachment } from '../../../shared/job-attachments.js';

type Handler<C extends RequestChannel> = (
  request: RequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type FakeHandlers = { [C in RequestChannel]?: Handler<C> };

/** How the fake stores and reads attachments; absent, both reject as the fake has no store. */
export interface FakeAttachments {
  store?: (file: File) => JobAttachment | Promise<JobAttachment>;
  read?: (sha256: string) => Blob | Promise<Blob>;
}

export interface FakeApi extends MullApi {
  calls: { channel: RequestChannel; request: unknown }[];
  /** The files given to storeAttachment, in order. */
  stored: File[];
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

export function createFakeApi(
  handlers: FakeHandlers = {},
  attachments: FakeAttachments = {},
): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: FakeApi['calls'] = [];
  const stored: File[] = [];
  return {
    calls,
    stored,
    async invoke(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel];
      if (!handler) throw new ContractError('NOT_FOUND', `No fake handler for ${channel}.`);
      return await handler(request);
    },
    async storeAttachment(file) {
      stored.push(file);
      if (!attachments.store) throw new ContractError('NOT_FOUND', 'No fake attachment store.');
      return await attachments.store(file);
    },
    async readAttachment(sha256) {
      if (!attachments.read) throw new ContractError('NOT_FOUND', 'No fake attachment store.');
      return await attachments.read(sha256);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? [])
        (listener as (p: typeof payload) => void)(payload);
    },
  };
}
