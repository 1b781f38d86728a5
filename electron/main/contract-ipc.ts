// The only module that touches ipcMain: one handler per channel of the contract, each refusing a
// sender that is not the app's own top-level page before looking at the payload, then handing the
// request to the backend (which validates it in and its answer out). Events go the other way, to
// the app's windows only.
import { ipcMain, type WebContents } from 'electron';
import { requestChannels } from '../../shared/ipc/contract.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { Backend } from '../backend/backend.js';
import { isAppUrl, isOwnFrame } from './app-url.js';

const forbidden: Settled<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not talk to Mull.' },
};

export function registerContractHandlers(backend: Backend, log: (message: string) => void): void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isOwnFrame(event.senderFrame)) {
        log(`Refused ${channel} from a frame that is not the app's page.`);
        return forbidden;
      }
      return backend.dispatch(channel, payload);
    });
  }
}

/** Pushes the backend's events to the app's windows (those `windows()` returns) showing app pages. */
export function forwardEvents(backend: Backend, windows: () => Iterable<WebContents>): () => void {
  return backend.onEvent((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(event, payload);
    }
  });
}
