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

type Handler<C extends RequestChannel> = (
  request: RequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type FakeHandlers = { [C in RequestChannel]?: Handler<C> };

export interface FakeApi extends MullApi {
  calls: { channel: RequestChannel; request: unknown }[];
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: FakeApi['calls'] = [];
  return {
    calls,
    async invoke(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel];
      if (!handler) throw new ContractError('NOT_FOUND', `No fake handler for ${channel}.`);
      return await handler(request);
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
