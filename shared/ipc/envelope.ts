// How a request's outcome travels back over either transport, and the API the renderer sees.
import { z } from 'zod';
import type { JobAttachment } from '../job-attachments.js';
import type { EventChannel, EventOf, RequestChannel, RequestOf, ResponseOf } from './contract.js';

export const ErrorCode = z.enum([
  /** The payload did not match the channel's schema. */
  'BAD_REQUEST',
  /** Unknown sender frame, or a web request without the run's token. */
  'FORBIDDEN',
  /** No such channel, or no such job. */
  'NOT_FOUND',
  /** The action is not possible now (e.g. deleting a running job); the message says why. */
  'REFUSED',
  /** The OS keychain cannot be reached; nothing was stored elsewhere. */
  'KEYCHAIN_UNAVAILABLE',
  /** A bug: the message is generic, details are in the log. */
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Failure = z.object({ code: ErrorCode, message: z.string() });
export type Failure = z.infer<typeof Failure>;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const SettledEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: Failure }),
]);

/** A failed request, as the renderer receives it: a code and one readable sentence. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

/** What the renderer uses, whichever transport is behind it. */
export interface MullApi {
  invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  /**
   * Called when pushed events may have been missed (the web host's event stream dropped and came
   * back): snapshots should be fetched again. Electron's IPC never drops events, so it has none.
   */
  onResync?(listener: () => void): () => void;
  /**
   * Stores a file or image the person picked or dropped in the data directory's attachment store
   * (once per content) and resolves with what a NewJob's `attachments` takes. A file Mull will not
   * send (empty, a PNG named .pdf, an unsupported type, over 50 MB) rejects with a REFUSED
   * ContractError whose message is one sentence. The bytes travel raw, never inside the contract.
   */
  storeAttachment(file: File): Promise<JobAttachment>;
  /** A stored attachment's bytes, typed by what they are (for thumbnails through a blob: URL). */
  readAttachment(sha256: string): Promise<Blob>;
}

/** The value of a settled envelope, or the ContractError it carries. */
export function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw new ContractError(settled.error.code, settled.error.message);
}
