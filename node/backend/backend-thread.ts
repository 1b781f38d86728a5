// The backend on a worker thread of its own (docs/ARCHITECTURE.md, "Threads"): the engine's
// streaming, its SQLite writes, searches and lists all run there, so the host thread (Electron's
// main process, the web host) only routes the contract, its events and the OS's services. The
// worker is backend-thread-entry.ts; thread-protocol.ts lists what travels between them.
import { Worker } from 'node:worker_threads';
import type { EventOf } from '../../shared/ipc/contract.js';
import { eventHub } from './event-hub.js';
import { parseEventJson } from './event-json.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { EngineOptionsInput } from '../core/engine/index.js';
import type { KeyAvailability, KeyStore } from '../core/secrets/index.js';
import type { StoredBytes } from './attachment-upload.js';
import { refuseTooLarge } from './attachment-upload.js';
import type { HostBackend } from './backend.js';
import { checkInBackground, type IntegrityVerdict } from './background-check.js';
import type { Logger } from './dispatch.js';
import { rebuildError, sendError } from './thread-errors.js';
import { readChannels } from './read-handlers.js';
import { startReaderThread, type ReaderClient } from './reader-client.js';
import type { HostToWorker, WorkerToHost, WriterStart } from './thread-protocol.js';

/** The worker's script: backend-thread-entry.ts from source, or its bundle (Electron's build). */
export interface ThreadEntry {
  script: URL | string;
  /** `script` is code to run, not a path (backend-thread-source.ts: tsx first, then the entry). */
  eval?: boolean;
}

export interface BackendThreadOptions {
  entry: ThreadEntry;
  dataDir: string;
  mode: 'electron' | 'web' | 'demo';
  version: string;
  /** The OS keychain (or the demo's memory store): it stays on this thread, the worker asks it. */
  keyStore: KeyStore & Partial<KeyAvailability>;
  /** Where OPENAI_API_KEY and OPENAI_BASE_URL are read from (process.env for the app). */
  keyEnv: NodeJS.ProcessEnv;
  engine?: EngineOptionsInput;
  openExternal?: (url: string) => Promise<void>;
  log: Logger;
}

/** The sentence every request gets once the worker has stopped without being closed. */
export const threadStoppedSentence =
  "Mull's engine stopped unexpectedly; nothing stored was lost. Restart Mull; the details are in its log.";

const stopped: Settled<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: threadStoppedSentence },
};

/** Starts the worker and resolves once its backend is open (rejects as opening it failed). */
export function startBackendThread(options: BackendThreadOptions): Promise<HostBackend> {
  const start: WriterStart = {
    role: 'writer',
    dataDir: options.dataDir,
    mode: options.mode,
    version: options.version,
    keyEnv: pick(options.keyEnv, 'OPENAI_API_KEY', 'OPENAI_BASE_URL'),
    engine: options.engine,
    canOpenExternal: options.openExternal !== undefined,
    tellsKeyAvailability: options.keyStore.onAvailableAgain !== undefined,
  };
  const worker = new Worker(options.entry.script, {
    workerData: start,
    eval: options.entry.eval ?? false,
  });
  const hub = eventHub(options.log);
  const pending = new Map<number, (settled: Settled<unknown>) => void>();
  let nextId = 1;
  let ended = false;
  /** What a request gets once the writer is gone: it stopped, or a damaged file stopped it. */
  let refusal: Settled<never> = stopped;
  let integrity: Promise<IntegrityVerdict> = Promise.resolve({ checked: 'not' });
  let stopCheck: (() => void) | undefined;
  let closing: Promise<void> | undefined;
  let closed: (() => void) | undefined;

  const send = (message: HostToWorker) => worker.postMessage(message);
  const ask = (message: (id: number) => HostToWorker): Promise<Settled<unknown>> => {
    if (ended) return Promise.resolve(refusal);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      send(message(id));
    });
  };

  const reply = (id: number, running: Promise<unknown>) => {
    running.then(
      (value) => {
        if (!ended) send({ type: 'host-reply', id, ok: true, value });
      },
      (error: unknown) => {
        if (!ended) send({ type: 'host-reply', id, ok: false, error: sendError(error) });
      },
    );
  };
  const stopKeyWatch = options.keyStore.onAvailableAgain?.((account) => {
    if (!ended) send({ type: 'key-available-again', account });
  });

  return new Promise<HostBackend>((resolveStart, rejectStart) => {
    /** Resolved with the backend: after that, an end is logged instead of failing the start. */
    let opened = false;
    /** The worker is gone: every waiting request is answered, and later ones at once. */
    const end = (why: Error | undefined) => {
      if (ended) return;
      ended = true;
      stopKeyWatch?.();
      stopCheck?.();
      for (const answer of pending.values()) answer(refusal);
      pending.clear();
      if (!opened) rejectStart(why ?? new Error('The backend thread ended before it opened.'));
      else if (!closing && refusal === stopped) {
        options.log('the backend thread stopped unexpectedly', why);
      }
      closed?.();
    };
    worker.on('error', (error) => end(error));
    worker.on('exit', (code) => end(new Error(`The backend thread exited with code ${code}.`)));
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'ready':
          // The reader opens the database only now: the writer has created and migrated it.
          void startReaderThread(options.entry, options.dataDir, writerDispatch, options.log).then(
            (started) => {
              reader = started;
              if (ended) {
                void started.close();
                return; // rejected already
              }
              opened = true;
              integrity = message.checkedAtOpen
                ? Promise.resolve({ checked: 'at-open' })
                : checkLater();
              resolveStart(backend);
            },
          );
          return;
        case 'start-failed':
          end(rebuildError(message.error));
          return;
        case 'settled': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(message.settled);
          return;
        }
        case 'closed':
          void worker.terminate(); // flushed and unlocked: nothing is left to lose
          return;
        case 'events':
          for (const { event, json } of message.list) {
            hub.tell(event, parseEventJson(json) as EventOf<typeof event>);
          }
          return;
        case 'log':
          options.log(message.message, message.error && rebuildError(message.error));
          return;
        case 'key-store':
          reply(
            message.id,
            (options.keyStore[message.method] as (...args: string[]) => Promise<unknown>)(
              ...message.args,
            ),
          );
          return;
        case 'open-external':
          reply(
            message.id,
            options.openExternal?.(message.url) ??
              Promise.reject(new Error('This host cannot open links.')),
          );
          return;
      }
    });

    /**
     * The check a clean start skipped, on a thread of its own. Damage found stops all writing at
     * once: the writer is stopped where it is (what it had not flushed is a few hundred ms of
     * text the server still has), and every request gets the store's sentence from then on.
     */
    const checkLater = (): Promise<IntegrityVerdict> => {
      const check = checkInBackground(options.entry, options.dataDir, options.log);
      stopCheck = check.stop;
      return check.verdict.then((verdict) => {
        if (verdict.checked === 'in-background' && verdict.damage && !closing && !ended) {
          refusal = { ok: false, error: { code: 'REFUSED', message: verdict.damage.message } };
          options.log('the database is damaged: Mull stopped writing to it', verdict.damage);
          reader?.stop();
          void worker.terminate();
        }
        return verdict;
      });
    };
    const writerDispatch = (channel: unknown, payload: unknown) =>
      ask((id) => ({ type: 'request', id, channel, payload }));
    let reader: ReaderClient | undefined;
    const backend: HostBackend = {
      dispatch: (channel, payload) =>
        reader !== undefined && (readChannels as readonly unknown[]).includes(channel)
          ? reader.dispatch(channel, payload)
          : writerDispatch(channel, payload),
      onEvent: hub.onEvent,
      // The host's own events (app:showJob) are checked here, as the writer checks the engine's.
      emit: hub.emit,
      files: {
        store: (name, bytes) =>
          ask((id) => ({ type: 'attachment-store', id, name, bytes })) as ReturnType<
            HostBackend['files']['store']
          >,
        refuseTooLarge,
        read: async (sha256) => {
          const settled = (await ask((id) => ({ type: 'attachment-read', id, sha256 }))) as Settled<
            { bytes: Uint8Array } & Omit<StoredBytes, 'bytes'>
          >;
          if (!settled.ok) return settled;
          // Structured clone delivers a Uint8Array; the transports expect the Buffer it was.
          const { bytes, mediaType } = settled.value;
          return {
            ok: true,
            value: { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), mediaType },
          };
        },
      },
      get integrity() {
        return integrity;
      },
      reconcile: () => {
        if (!ended) send({ type: 'reconcile' });
      },
      close: () => {
        closing ??= (reader?.close() ?? Promise.resolve()).then(
          () =>
            new Promise<void>((resolve) => {
              hub.clear();
              if (ended) {
                resolve();
                return;
              }
              closed = resolve;
              send({ type: 'close', id: nextId++ });
            }),
        );
        return closing;
      },
    };
  });
}

function pick<K extends string>(env: NodeJS.ProcessEnv, ...keys: K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const key of keys) if (env[key] !== undefined) picked[key] = env[key];
  return picked;
}
