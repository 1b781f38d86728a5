// Reads a request's raw body (an upload's bytes), up to a size limit, without trusting
// Content-Length.
import type { IncomingMessage } from 'node:http';

export type RawBodyResult = { ok: true; bytes: Buffer } | { ok: false; size: number };

/**
 * The bytes, or the size of a body over `limitBytes`. Such a body is read to its end and thrown
 * away (as read-json-body.ts does), so the refusal reaches the client instead of a connection
 * reset in the middle of its upload.
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
