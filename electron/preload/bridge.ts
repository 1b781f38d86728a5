// The bridge the preload exposes as `window.mull`, built on anything shaped like ipcRenderer so it
// is unit-tested without Electron. Only the contract's channels and events pass; listeners get the
// payload alone, never the IPC event (whose `sender` would hand the page ipcRenderer itself).
import {
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

export function createMullBridge(ipc: IpcRendererLike): MullBridge {
  return {
    // The page may call this with anything at run time: check before anything is sent.
    async invoke(channel: unknown, request: unknown) {
      if (!isKnownRequestChannel(channel)) {
        return failure('NOT_FOUND', `There is no channel '${String(channel).slice(0, 100)}'.`);
      }
      try {
        // The main process validates the request and answers with a settled envelope.
        return (await ipc.invoke(channel, request)) as Settled<unknown>;
      } catch {
        // The request could not be sent (e.g. it cannot be cloned) or the main process is gone.
        return failure('INTERNAL', 'Mull could not reach its main process.');
      }
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
