// The bridge the preload exposes as `window.mull`, built on anything shaped like ipcRenderer so it
// is unit-tested without Electron. Only the contract's channels and events pass; listeners get the
// payload alone, never the IPC event (whose `sender` would hand the page ipcRenderer itself).
// Attachment bytes go on two channels of their own, as Uint8Arrays (no Node Buffer: the sandboxed
// preload has no Node built-ins).
import {
  attachmentChannels,
  isKnownEventChannel,
  isKnownRequestChannel,
  type MullBridge,
} from '../../shared/ipc/electron-bridge.js';
import type { Settled } from '../../shared/ipc/envelope.js';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

function failure(code: 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL', message: string): Settled<never> {
  return { ok: false, error: { code, message } };
}

/** A refusal before anything is sent, as the promise a send would have given. */
function refuse(code: 'NOT_FOUND' | 'BAD_REQUEST', message: string): Promise<Settled<never>> {
  return Promise.resolve(failure(code, message));
}

/** Sends on one channel; a send that fails (uncloneable, main process gone) is an envelope too. */
async function send(ipc: IpcRendererLike, channel: string, ...args: unknown[]) {
  try {
    // The main process validates the request and answers with a settled envelope.
    return (await ipc.invoke(channel, ...args)) as Settled<unknown>;
  } catch {
    return failure('INTERNAL', 'Mull could not reach its main process.');
  }
}

export function createMullBridge(ipc: IpcRendererLike): MullBridge {
  return {
    // The page may call this with anything at run time: check before anything is sent.
    invoke(channel: unknown, request: unknown) {
      if (!isKnownRequestChannel(channel)) {
        return refuse('NOT_FOUND', `There is no channel '${String(channel).slice(0, 100)}'.`);
      }
      return send(ipc, channel, request);
    },
    // Checked here too so nothing but a name and bytes is ever sent (the main process checks again).
    storeAttachment(name: unknown, bytes: unknown) {
      if (
        typeof name !== 'string' ||
        !(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)
      ) {
        return refuse('BAD_REQUEST', "An attachment is a file's name and its bytes.");
      }
      return send(ipc, attachmentChannels.store, name, bytes);
    },
    readAttachment(sha256: unknown) {
      if (typeof sha256 !== 'string') return refuse('BAD_REQUEST', 'That is not an attachment id.');
      return send(ipc, attachmentChannels.read, sha256);
    },
    on(event: unknown, listener: unknown) {
      if (!isKnownEventChannel(event)) throw new Error(`There is no event '${String(event)}'.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const forward: IpcListener = (_event, payload) => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}
