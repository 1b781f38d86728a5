// Reads a request's JSON body, up to a size limit, without ever trusting Content-Length.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * The parsed body. A body over `limitBytes` is read to its end and thrown away, so the answer (413)
 * reaches the client instead of a connection reset in the middle of its upload.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const type = req.headers['content-type'] ?? '';
  // Requiring JSON keeps out the "simple" requests an HTML form on another site can send.
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    return Promise.resolve({
      ok: false,
      status: 415,
      message: 'The request body must be JSON (Content-Type: application/json).',
    });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > limitBytes) {
        resolve({
          ok: false,
          status: 413,
          message: `The request is larger than ${Math.round(limitBytes / 1024 / 1024)} MB.`,
        });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        resolve({ ok: false, status: 400, message: 'The request body is not valid JSON.' });
      }
    });
  });
}
