// `window.mull` in the desktop app: what the preload exposes. contextBridge copies an Error between
// the preload's world and the page's by its message alone, so a ContractError's code would not
// survive the crossing. The preload therefore answers with the settled envelope (plain data, copied
// whole) and the page unwraps it with mullApiOverBridge (bridge-api.ts), so failures carry the same
// codes over Electron IPC as over the web host. No zod here: the preload bundles this file.
import { eventChannelNames, requestChannelNames } from './channel-names.js';
import type { EventChannel, RequestChannel } from './contract.js';
import type { Settled } from './envelope.js';

/** The name of the bridge on `window`. */
export const bridgeGlobalName = 'mull';

/**
 * The IPC channels for attachment bytes, beside the contract's (whose JSON-shaped schemas carry no
 * bytes): a Uint8Array goes as it is, by structured clone, with no base64 and no size cap of its own.
 */
export const attachmentChannels = {
  store: 'attachments:store',
  read: 'attachments:read',
} as const;

export interface MullBridge {
  /** Sends a request; resolves with its settled envelope, never rejects for a refused request. */
  invoke(channel: RequestChannel, request: unknown): Promise<Settled<unknown>>;
  /** Subscribes to a pushed event's payload; returns the unsubscribe function. */
  on(event: EventChannel, listener: (payload: unknown) => void): () => void;
  /** Stores a file's bytes; settles with its JobAttachment or the store's refusal. */
  storeAttachment(name: string, bytes: Uint8Array): Promise<Settled<unknown>>;
  /** A stored file's bytes; settles with `{bytes, mediaType}` or NOT_FOUND. */
  readAttachment(sha256: string): Promise<Settled<unknown>>;
}

const knownRequests: ReadonlySet<unknown> = new Set(requestChannelNames);
const knownEvents: ReadonlySet<unknown> = new Set(eventChannelNames);

export function isKnownRequestChannel(channel: unknown): channel is RequestChannel {
  return knownRequests.has(channel);
}

export function isKnownEventChannel(event: unknown): event is EventChannel {
  return knownEvents.has(event);
}
