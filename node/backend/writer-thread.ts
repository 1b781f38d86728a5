// The writer thread: the engine, the store's writer connection and every channel of the contract,
// off the thread that serves the window or the browser (docs/ARCHITECTURE.md, "Threads"). What
// only the host can do (the OS keychain, opening a link) it asks the host for; what the host asks
// it arrives as messages (thread-protocol.ts).
import type { MessagePort } from 'node:worker_threads';
import type { EventChannel } from '../../shared/ipc/contract.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import { keySourceFor, type KeyAvailability, type KeyStore } from '../core/secrets/index.js';
import { startBackend, type Backend } from './backend.js';
import { failureOf } from './dispatch.js';
import { rebuildError, sendError } from './thread-errors.js';
import type { HostToWorker, KeyStoreMethod, WorkerToHost, WriterStart } from './thread-protocol.js';

export function runWriterThread(port: MessagePort, start: WriterStart): void {
  /** Events wait here for the end of this turn: one message for all a flush tells. */
  let events: { event: EventChannel; json: string }[] = [];
  const postEvents = () => {
    if (events.length === 0) return;
    port.postMessage({ type: 'events', list: events } satisfies WorkerToHost);
    events = [];
  };
  // Whatever else goes out goes after the events told before it (write, then tell: an answer
  // never overtakes the news of the change it made).
  const post = (message: WorkerToHost) => {
    postEvents();
    port.postMessage(message);
  };

  /** Calls made to the host on the worker's behalf, by id, until the host replies. */
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  let nextCallId = 1;
  const askHost = <T>(message: (id: number) => WorkerToHost): Promise<T> => {
    const id = nextCallId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      post(message(id));
    });
  };
  const keyStoreCall =
    <T>(method: KeyStoreMethod) =>
    (...args: string[]) =>
      askHost<T>((id) => ({ type: 'key-store', id, method, args }));

  const availableAgain = new Set<(account: string) => void>();
  const keyStore: KeyStore & Partial<KeyAvailability> = {
    get: keyStoreCall('get'),
    set: keyStoreCall('set'),
    clear: keyStoreCall('clear'),
    status: keyStoreCall('status'),
    ...(start.tellsKeyAvailability && {
      onAvailableAgain: (listener: (account: string) => void) => {
        availableAgain.add(listener);
        return () => availableAgain.delete(listener);
      },
    }),
  };
  const log = threadLog(post);

  let backend: Backend;
  try {
    backend = startBackend({
      dataDir: start.dataDir,
      mode: start.mode,
      version: start.version,
      keyStore,
      keys: keySourceFor(start.keyEnv, keyStore),
      engine: start.engine,
      ...(start.canOpenExternal && {
        openExternal: (url: string) =>
          askHost<undefined>((id) => ({ type: 'open-external', id, url })),
      }),
      log,
    });
  } catch (error) {
    post({ type: 'start-failed', error: sendError(error) });
    port.close();
    return;
  }
  backend.onEvent((event, payload) => {
    if (events.length === 0) setImmediate(postEvents);
    events.push({ event, json: JSON.stringify(payload) });
  });
  post({
    type: 'ready',
    driving: backend.manager.isDriving,
    checkedAtOpen: backend.manager.checkedAtOpen,
  });

  const answer = answerWith(post, log);
  port.on('message', (message: HostToWorker) => {
    switch (message.type) {
      case 'request':
        answer(message.id, backend.dispatch(message.channel, message.payload));
        return;
      case 'attachment-store':
        answer(message.id, backend.files.store(message.name, message.bytes));
        return;
      case 'attachment-read':
        answer(message.id, backend.files.read(message.sha256));
        return;
      case 'reconcile':
        backend.reconcile();
        return;
      case 'key-available-again':
        for (const listener of availableAgain) listener(message.account);
        return;
      case 'host-reply': {
        const call = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.ok) call?.resolve(message.value);
        else call?.reject(rebuildError(message.error));
        return;
      }
      case 'close':
        void backend.close().then(() => {
          post({ type: 'closed', id: message.id });
          port.close();
        });
        return;
    }
  });
}

/** The backend's log, sent to the host's (errors keep their class and stack). */
export function threadLog(
  post: (message: Extract<WorkerToHost, { type: 'log' }>) => void,
): (message: string, error?: unknown) => void {
  return (message, error) =>
    post({ type: 'log', message, ...(error !== undefined && { error: sendError(error) }) });
}

/** Answers request `id` with its envelope; one that throws (a bug) is INTERNAL, and logged. */
export function answerWith(
  post: (message: Extract<WorkerToHost, { type: 'settled' }>) => void,
  log: (message: string, error?: unknown) => void,
): (id: number, settling: Promise<Settled<unknown>>) => void {
  return (id, settling) => {
    settling.then(
      (settled) => post({ type: 'settled', id, settled }),
      (error: unknown) => {
        log('a request failed in the backend thread', error);
        post({ type: 'settled', id, settled: { ok: false, error: failureOf(error) } });
      },
    );
  };
}
