// The loopback web host: the contract over HTTP on 127.0.0.1, for a browser on the same machine
// (and for Playwright). The same backend as Electron's IPC; the same renderer, served from disk.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { uploadLimitBytes, type HasAttachmentFiles } from '../backend/attachment-upload.js';
import type { Logger } from '../backend/dispatch.js';
import { answerApiRequest, channelOfPath, type Dispatcher } from './api-route.js';
import { answerAttachmentRequest, isAttachmentsPath } from './attachment-route.js';
import { EventStreams, type EventSourceLike } from './sse-events-route.js';
import { newHostToken } from './host-token.js';
import { sendText, setSecurityHeaders } from './http-replies.js';
import { apiRefusal, hostRefusal, type GuardSettings } from './request-guard.js';
import { staticFiles } from './static-files.js';

/** Where `vite build` puts the renderer. */
export const defaultStaticDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/**
 * 8 MB. A prompt may be 1,000,000 UTF-16 code units, at most 3 MB as UTF-8 (more only for control
 * characters, which JSON escapes); 8 MB carries the longest prompt with its instructions, or a few
 * long prompts in one `jobs:submit`. A batch of fifty maximal prompts is refused with a 413 and
 * nothing is stored (the composer does not split a batch; the error says the request is too large).
 */
export const defaultBodyLimitBytes = 8 * 1024 * 1024;

export interface WebHostOptions {
  backend: Dispatcher & EventSourceLike & HasAttachmentFiles;
  /** 0 (the default) picks a free port; a restart passes the previous one so open pages carry on. */
  port?: number;
  staticDir?: string;
  /** The run's token; a new random one when absent. A restart passes the previous one. */
  token?: string;
  log: Logger;
  bodyLimitBytes?: number;
  /** How often idle event streams get a comment line (default 15 s). */
  heartbeatMs?: number;
}

export interface WebHost {
  /**
   * The address to open: `${origin}/#token=...`. The fragment never reaches a server; the page
   * moves the token to its sessionStorage and drops it from the address (request-guard.ts says why).
   */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Bytes written to every connection so far (headers and bodies): what pages were sent. */
  bytesSent(): number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newHostToken();
  const serveStatic = staticFiles(options.staticDir ?? defaultStaticDir);
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  const events = new EventStreams(options.backend, options.heartbeatMs);
  // Known once listening; every check below runs after that.
  const guard: GuardSettings = { port: 0, token };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    // The pages and scripts need only a loopback Host; the API and the events need the token too.
    const refused = isApi ? apiRefusal(req, guard) : hostRefusal(req, guard.port);
    if (refused !== undefined) {
      // The path only: a query is never logged.
      options.log(`web host: refused ${req.method ?? '?'} ${pathname}: ${refused}`);
      sendText(res, 403, refused);
      return;
    }
    if (pathname === '/api/events') {
      if (req.method === 'GET') events.attach(req, res);
      else methodNotAllowed(res, 'GET');
    } else if (isAttachmentsPath(pathname)) {
      // Raw bytes, not JSON: a 50 MB file under its own limit (attachment-route.ts).
      await answerAttachmentRequest(req, res, url, {
        files: options.backend.files,
        limitBytes: uploadLimitBytes,
      });
    } else if (isApi) {
      const channel = channelOfPath(pathname);
      if (channel === undefined) sendText(res, 404, 'There is no such API path.');
      else if (req.method !== 'POST') methodNotAllowed(res, 'POST');
      else await answerApiRequest(req, res, channel, options.backend, bodyLimit);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      serveStatic(req, res);
    } else {
      methodNotAllowed(res, 'GET, HEAD');
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log('web host: a request failed', error);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Something went wrong in Mull; the details are in its log.');
    });
  });
  const sockets = new Set<Socket>();
  let bytesOfClosed = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      bytesOfClosed += socket.bytesWritten;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    events.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  guard.port = port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    bytesSent: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, bytesOfClosed),
    close: async () => {
      events.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, `This address answers ${allow} only.`);
}
