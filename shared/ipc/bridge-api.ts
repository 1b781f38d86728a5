// The page's side of the desktop bridge: the MullApi over `window.mull` (see electron-bridge.ts).
import type { MullBridge } from './electron-bridge.js';
import { SettledEnvelope, unwrap, type MullApi } from './envelope.js';

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
  };
}
