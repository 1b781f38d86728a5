// Serves the built renderer at app://mull/ with the CSP on every response. A custom scheme rather
// than file://: the page gets its own origin (IPC checks it, the CSP's 'self' means it) and none of
// file://'s reach into the disk (the GrantFileProtocolExtraPrivileges fuse is off).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol, type Session } from 'electron';
import { appFilePath, appResponseHeaders, contentTypeFor, isPageRoute } from './app-files.js';
import { appScheme } from './app-url.js';

/** Must run before the app is ready: Chromium fixes a scheme's privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: {
        // A standard scheme has an origin (relative URLs, 'self' in the CSP, the sender check).
        standard: true,
        // A secure context, as https: would be (the clipboard API needs one).
        secure: true,
        // Vite's module scripts load with CORS; they are same-origin and get no CORS headers.
        corsEnabled: true,
        supportFetchAPI: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false,
        codeCache: true,
      },
    },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(appScheme, async (request) => {
    const file = appFilePath(rendererDir, request.url);
    if (file === undefined || request.method !== 'GET') return notFound();
    const served = (await isFile(file))
      ? file
      : isPageRoute(file)
        ? join(rendererDir, 'index.html')
        : undefined;
    if (served === undefined) return notFound();
    return new Response(await readFile(served), {
      status: 200,
      headers: appResponseHeaders(contentTypeFor(served)),
    });
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: appResponseHeaders('text/plain; charset=utf-8'),
  });
}
