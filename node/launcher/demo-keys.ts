// The demo's keys: a fixed key for the demo provider (the in-process emulator accepts any key), and
// every other key in memory only, so trying Mull never writes to the person's keychain. Electron's
// main process uses these too when started with MULL_MODE=demo.
import type { KeyStore } from '../core/secrets/index.js';
import { memoryKeyStore } from '../core/secrets/memory-key-store.js';

export const demoProviderId = 'demo';
/** Not a secret: the emulator takes any non-empty key. */
export const demoKey = 'mull-demo-key-for-the-local-emulator';
/** Set by `npm run demo` for Electron's main process. */
export const demoModeEnv = { MULL_MODE: 'demo' } as const;

export function isDemoLaunch(env: NodeJS.ProcessEnv): boolean {
  return env.MULL_MODE === demoModeEnv.MULL_MODE;
}

export function demoKeyStore(): KeyStore {
  return memoryKeyStore({ [demoProviderId]: demoKey });
}
