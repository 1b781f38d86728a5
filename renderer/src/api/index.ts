// The API the renderer uses: the preload's bridge inside Electron, else the loopback web host.
import { mullApiOverBridge } from '../../../shared/ipc/bridge-api.js';
import type { MullBridge } from '../../../shared/ipc/electron-bridge.js';
import type { MullApi } from '../../../shared/ipc/envelope.js';
import { createWebApi } from './web-transport.js';

declare global {
  interface Window {
    /** Set by Electron's preload (contextBridge); absent in a browser. */
    mull?: MullBridge;
  }
}

// The bridge answers with settled envelopes (an Error crossing contextBridge keeps only its
// message), so the page turns them back into values or ContractErrors with their codes.
export const api: MullApi = window.mull ? mullApiOverBridge(window.mull) : createWebApi();
