// Errors across the thread boundary. Structured clone keeps an Error's message but not its class,
// and the backend tells errors apart by class (dispatch.ts maps a KeychainUnavailableError to
// KEYCHAIN_UNAVAILABLE; the engine pauses a job on it). So an error is sent by name and rebuilt on
// the other side as an instance of the same class, with the same message and fields.
import {
  InvalidKeyError,
  KeychainUnavailableError,
  NoKeychainError,
} from '../core/secrets/index.js';
import { StoreOpenError } from '../core/store/index.js';
import { RefusedError } from './refused.js';
import type { SentError } from './thread-protocol.js';

/**
 * The classes a host call or a start-up may fail with on purpose; anything else is an Error. A
 * subclass comes before its parent (NoKeychainError is a KeychainUnavailableError).
 */
const knownClasses: Record<string, { prototype: Error }> = {
  NoKeychainError,
  KeychainUnavailableError,
  InvalidKeyError,
  RefusedError,
  StoreOpenError,
};

export function sendError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  const name = knownClassName(error) ?? error.name;
  return { name, message: error.message, stack: error.stack, fields };
}

export function rebuildError(sent: SentError): Error {
  const known = Object.hasOwn(knownClasses, sent.name) ? knownClasses[sent.name] : undefined;
  const error: Error = known ? (Object.create(known.prototype) as Error) : new Error(sent.message);
  // The fields first: a class's own `name` field is among them, and message/stack win.
  Object.assign(error, sent.fields ?? {});
  Object.defineProperty(error, 'message', { value: sent.message, writable: true });
  if (sent.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: sent.stack, writable: true });
  }
  return error;
}

/** The known class an error is an instance of (a subclass goes by its nearest known class). */
function knownClassName(error: Error): string | undefined {
  return Object.entries(knownClasses).find(([, kind]) =>
    Object.prototype.isPrototypeOf.call(kind.prototype, error),
  )?.[0];
}
