// The messages between a host thread (Electron's main process, the web host) and the backend's
// worker thread (backend-thread-entry.ts). Everything in them is structured-clone data: the
// contract's payloads and envelopes as they are, bytes as Uint8Array, errors as plain records.
import type { EventChannel } from '../../shared/ipc/contract.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { EngineOptionsInput } from '../core/engine/index.js';

/** What a worker is started with (its workerData): the writer, or the reader beside it. */
export type ThreadStart = WriterStart | ReaderStart | CheckStart;

/** The background check after a clean start: quick_check on a connection of its own, then exit. */
export interface CheckStart {
  role: 'check';
  dataDir: string;
}

/** The check's one message: nothing when the file is sound, else the store's sentence. */
export interface CheckToHost {
  type: 'checked';
  damage?: SentError;
}

/** The reader: a read-only connection answering read-handlers.ts's channels. */
export interface ReaderStart {
  role: 'reader';
  dataDir: string;
}

/** The writer: the engine, the store's writer connection and every channel of the contract. */
export interface WriterStart {
  role: 'writer';
  dataDir: string;
  mode: 'electron' | 'web' | 'demo';
  version: string;
  /** OPENAI_API_KEY and OPENAI_BASE_URL only: the rest of the environment is not the worker's. */
  keyEnv: { OPENAI_API_KEY?: string; OPENAI_BASE_URL?: string };
  engine?: EngineOptionsInput;
  /** Whether the host can open links (Electron can; the web host cannot). */
  canOpenExternal: boolean;
  /** Whether the host's key store tells when the keychain answers again. */
  tellsKeyAvailability: boolean;
}

/** The key store's methods, which the host runs for the worker (the keychain stays on the host). */
export type KeyStoreMethod = 'get' | 'set' | 'clear' | 'status';

/** An error that crossed the threads: its class by name (thread-errors.ts rebuilds known ones). */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable fields (a KeychainUnavailableError's reason, say). */
  fields?: Record<string, unknown>;
}

/** What the host sends the reader (a subset of what the writer takes). */
export type HostToReader = Extract<HostToWorker, { type: 'request' | 'close' }>;

export type HostToWorker =
  | { type: 'request'; id: number; channel: unknown; payload: unknown }
  | { type: 'attachment-store'; id: number; name: unknown; bytes: unknown }
  | { type: 'attachment-read'; id: number; sha256: unknown }
  | { type: 'reconcile' }
  | { type: 'key-available-again'; account: string }
  | { type: 'host-reply'; id: number; ok: true; value: unknown }
  | { type: 'host-reply'; id: number; ok: false; error: SentError }
  | { type: 'close'; id: number };

/** What the reader sends the host. */
export type ReaderToHost = Extract<
  WorkerToHost,
  { type: 'ready' | 'start-failed' | 'settled' | 'closed' | 'log' }
>;

export type WorkerToHost =
  /** `checkedAtOpen`: the open read every page (after a crash); else the host checks later. */
  | { type: 'ready'; driving: boolean; checkedAtOpen: boolean }
  | { type: 'start-failed'; error: SentError }
  | { type: 'settled'; id: number; settled: Settled<unknown> }
  | { type: 'closed'; id: number }
  /** The events told since the last batch, in order, each as JSON (event-json.ts). */
  | { type: 'events'; list: { event: EventChannel; json: string }[] }
  | { type: 'log'; message: string; error?: SentError }
  | { type: 'key-store'; id: number; method: KeyStoreMethod; args: string[] }
  | { type: 'open-external'; id: number; url: string };
