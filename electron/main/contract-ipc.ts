// The only module that touches ipcMain: one handler per channel of the contract, each refusing a
// sender that is not the app's own top-level page before looking at the payload, then handing the
// request to the backend (which validates it in and its answer out). Events go the other way, to
// the app's windows only. Attachment bytes have two channels of their own (a Uint8Array each way,
// by structured clone), behind the same sender check.
import { ipcMain, type WebContents } from 'electron';
import { requestChannels } from '../../shared/ipc/contract.js';
import { attachmentChannels } from '../../shared/ipc/electron-bridge.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { HostBackend } from '../../node/backend/backend.js';
import { isAppUrl, isOwnFrame } from './app-url.js';

const forbidden: Settled<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not talk to Mull.' },
};

export function registerContractHandlers(
  backend: HostBackend,
  log: (message: string) => void,
): void {
  /** Refuses a sender that is not the app's own top-level page before looking at the payload. */
  const handleFromOwnPage = (channel: string, answer: (...args: unknown[]) => unknown) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isOwnFrame(event.senderFrame)) {
        log(`Refused ${channel} from a frame that is not the app's page.`);
        return forbidden;
      }
      return answer(...args);
    });
  };
  for (const channel of requestChannels) {
    handleFromOwnPage(channel, (payload) => backend.dispatch(channel, payload));
  }
  const { files } = backend;
  handleFromOwnPage(attachmentChannels.store, (name, bytes) => files.store(name, bytes));
  handleFromOwnPage(attachmentChannels.read, (sha256) => files.read(sha256));
}

/** Pushes the backend's events to the app's windows (those `windows()` returns) showing app pages. */
export function forwardEvents(
  backend: HostBackend,
  windows: () => Iterable<WebContents>,
): () => void {
  return backend.onEvent((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(event, payload);
    }
  });
}
