// Reads a request's body (an upload's bytes, or the contract's JSON), up to a size limit, without
// trusting Content-Length. The one bounded reader behind both /api routes.
import type { IncomingMessage } from 'node:http';

export type RawBodyResult = { ok: true; bytes: Buffer } | { ok: false; size: number };

/**
 * The bytes, or the size of a body over `limitBytes`. Such a body is read to its end and thrown
 * away, so the refusal reaches the client instead of a connection reset in the middle of its
 * upload.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<RawBodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else chunks.length = 0; // over the limit: nothing of it is kept
    });
    req.on('error', reject);
    req.on('end', () => {
      resolve(size > limitBytes ? { ok: false, size } : { ok: true, bytes: Buffer.concat(chunks) });
    });
  });
}

/**
 * Whether the request says its body is of `mediaType` (parameters such as a charset aside). Each
 * route asks for a type an HTML form on another site cannot send (nor, without a preflight, a
 * script).
 */
export function hasMediaType(req: IncomingMessage, mediaType: string): boolean {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith(mediaType)) return false;
  return /^\s*(;|$)/u.test(type.slice(mediaType.length));
}
