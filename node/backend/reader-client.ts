// The host's handle on the reader thread (reader-thread.ts): read-handlers.ts's channels go there.
// A reader that cannot open, or that stops, is not an outage: its requests, waiting ones
// included, go to the writer (`fallback`), which answers every channel.
import { Worker } from 'node:worker_threads';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { ThreadEntry } from './backend-thread.js';
import type { Logger } from './dispatch.js';
import { rebuildError } from './thread-errors.js';
import type { HostToReader, ReaderStart, ReaderToHost } from './thread-protocol.js';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Settled<unknown>>;

export interface ReaderClient {
  dispatch: Dispatch;
  close(): Promise<void>;
  /** Stops the reader at once (its requests go to the fallback). */
  stop(): void;
}

interface Waiting {
  channel: unknown;
  payload: unknown;
  answer: (settled: Promise<Settled<unknown>> | Settled<unknown>) => void;
}

/** Starts the reader; resolves once it has opened the database (or with the fallback alone). */
export function startReaderThread(
  entry: ThreadEntry,
  dataDir: string,
  fallback: Dispatch,
  log: Logger,
): Promise<ReaderClient> {
  const start: ReaderStart = { role: 'reader', dataDir };
  const worker = new Worker(entry.script, { workerData: start, eval: entry.eval ?? false });
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let running = false;
  let closing = false;
  let closed: (() => void) | undefined;

  const send = (message: HostToReader) => worker.postMessage(message);
  const client: ReaderClient = {
    dispatch: (channel, payload) => {
      if (!running) return fallback(channel, payload);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { channel, payload, answer: resolve });
        send({ type: 'request', id, channel, payload });
      });
    },
    stop: () => {
      closing = true;
      void worker.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (!running) {
          resolve();
          return;
        }
        closed = resolve;
        send({ type: 'close', id: nextId++ });
      }),
  };

  return new Promise<ReaderClient>((resolveStart) => {
    const end = (why: Error) => {
      const wasRunning = running;
      running = false;
      for (const { channel, payload, answer } of waiting.values())
        answer(fallback(channel, payload));
      waiting.clear();
      if (!wasRunning && !closing) {
        log('the reader thread could not open the database; the writer answers reads', why);
        resolveStart(client);
      } else if (!closing) {
        log('the reader thread stopped; the writer answers reads from now on', why);
      }
      closed?.();
    };
    worker.on('error', end);
    worker.on('exit', (code) => end(new Error(`The reader thread exited with code ${code}.`)));
    worker.on('message', (message: ReaderToHost) => {
      switch (message.type) {
        case 'ready':
          running = true;
          resolveStart(client);
          return;
        case 'start-failed':
          end(rebuildError(message.error));
          return;
        case 'settled': {
          const request = waiting.get(message.id);
          waiting.delete(message.id);
          request?.answer(message.settled);
          return;
        }
        case 'log':
          log(message.message, message.error && rebuildError(message.error));
          return;
        case 'closed':
          void worker.terminate();
          return;
      }
    });
  });
}
