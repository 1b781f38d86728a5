// A backend for a data directory plus a web host in front of it: what `serve.ts`, `npm start`'s
// browser fallback, `npm run demo` and the Playwright fixture all run.
import type { HostBackend } from '../backend/backend.js';
import { startBackendThread, type BackendThreadOptions } from '../backend/backend-thread.js';
import { backendThreadSource } from '../backend/backend-thread-source.js';
import { untilStopSignal } from './until-signal.js';
import { startWebHost, type WebHost } from './web-host.js';

export interface ServeWebOptions extends Omit<BackendThreadOptions, 'mode' | 'entry'> {
  mode: 'web' | 'demo';
  port?: number;
  token?: string;
  staticDir?: string;
}

export interface ServedWeb {
  /** The backend, on a worker thread of its own (backend-thread.ts). */
  backend: HostBackend;
  host: WebHost;
  /** Stops the host, then the backend (which flushes the engine and releases the driver lock). */
  close(): Promise<void>;
}

export async function serveWeb(options: ServeWebOptions): Promise<ServedWeb> {
  const { port, token, staticDir, ...backendOptions } = options;
  const backend = await startBackendThread({ ...backendOptions, entry: backendThreadSource() });
  let host: WebHost;
  try {
    host = await startWebHost({ backend, port, token, staticDir, log: options.log });
  } catch (error) {
    await backend.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    backend,
    host,
    close: () => {
      closing ??= host.close().finally(() => backend.close());
      return closing;
    },
  };
}

/** The one line a launcher prints: where to open Mull (the token included) and how to stop it. */
export function announce(host: WebHost, dataDir: string): string {
  return `Mull is at ${host.url} (data: ${dataDir}; Ctrl+C stops it)`;
}

/**
 * Serves Mull until the first stop signal (Ctrl+C, SIGTERM), then closes it cleanly: the start-up
 * every launcher of the web host shares (serve.ts, `npm start`'s fallback, the e2e host process),
 * so each prints the same one line that tests and people read the address from.
 */
export async function serveUntilStopped(options: ServeWebOptions): Promise<void> {
  const served = await serveWeb(options);
  console.log(announce(served.host, options.dataDir));
  await untilStopSignal();
  await served.close();
}
