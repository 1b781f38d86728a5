// The built renderer, served with sirv: the static server Vite's own preview and SvelteKit use. It
// is small (three tiny dependencies), safe against path traversal, answers ETags and Range requests,
// and with `single` serves index.html for the renderer's client-side routes. serve-static and send
// do the same with more dependencies and an Express-shaped API this host does not use.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { sendHtml } from './http-replies.js';
import { notBuiltPage } from './not-built-page.js';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The renderer's files from `staticDir`, or a page saying how to build them when there are none. */
export function staticFiles(staticDir: string): StaticHandler {
  if (!existsSync(join(staticDir, 'index.html'))) {
    return (_req, res) => sendHtml(res, 200, notBuiltPage(staticDir));
  }
  // The file list is read once here: the bundle is built before the host starts.
  const serve = sirv(staticDir, {
    single: true,
    etag: true,
    dotfiles: false,
    // Revalidate every time (an ETag check on loopback costs nothing) so a rebuilt bundle shows up
    // on the next reload, even with the same file names.
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  return (req, res) => serve(req, res);
}
