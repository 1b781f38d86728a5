// Starts the emulator: one HTTP server on 127.0.0.1 serving the Responses API and its control API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest } from './api-routes.js';
import { sendJson } from './api-error.js';
import { ControlClient } from './control-client.js';
import { controlPrefix, handleControlRequest } from './control-routes.js';
import { EmulatorState, type InitialSettings } from './emulator-state.js';

export interface StartOptions extends InitialSettings {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningEmulator {
  /** Origin, e.g. http://127.0.0.1:43123 */
  url: string;
  /** OpenAI base URL for SDKs: `${url}/v1`. */
  baseURL: string;
  /** Azure OpenAI v1 base URL: `${url}/openai/v1`. */
  azureBaseURL: string;
  port: number;
  /** In-process access to the server's state (tests in the same process). */
  state: EmulatorState;
  /** The same control surface over HTTP, as an out-of-process test would use it. */
  control: ControlClient;
  close(): Promise<void>;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState(options);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname.startsWith(controlPrefix) ? handleControlRequest : handleApiRequest;
    handle(state, req, res, url).catch((error: unknown) => {
      console.error('emulator: internal error', error);
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { message: String(error), type: 'server_error', param: null, code: null },
        });
      else res.destroy();
    });
  });
  // Long silent streams are the point: never let Node cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    azureBaseURL: `${url}/openai/v1`,
    port,
    state,
    control: new ControlClient(url),
    close: async () => {
      state.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
