// The page's side of the desktop bridge: the MullApi over `window.mull` (see electron-bridge.ts).
import { z } from 'zod';
import { JobAttachment } from '../job-attachments.js';
import type { MullBridge } from './electron-bridge.js';
import { SettledEnvelope, unwrap, type MullApi } from './envelope.js';

/** What the main process answers for a stored attachment's bytes. */
const StoredBytes = z.object({ bytes: z.instanceof(Uint8Array), mediaType: z.string() });

/** The MullApi over the preload's bridge: values, or ContractErrors with their codes. */
export function mullApiOverBridge(bridge: MullBridge): MullApi {
  return {
    async invoke(channel, request) {
      const settled = SettledEnvelope.parse(await bridge.invoke(channel, request));
      return unwrap(settled) as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
    async storeAttachment(file) {
      // Read here, in the page: a File itself does not cross contextBridge, its bytes do.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const settled = SettledEnvelope.parse(await bridge.storeAttachment(file.name, bytes));
      return JobAttachment.parse(unwrap(settled));
    },
    async readAttachment(sha256) {
      const settled = SettledEnvelope.parse(await bridge.readAttachment(sha256));
      const { bytes, mediaType } = StoredBytes.parse(unwrap(settled));
      return new Blob([bytes], { type: mediaType });
    },
  };
}
