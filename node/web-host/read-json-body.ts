// Reads a request's JSON body, up to a size limit (read-raw-body.ts), without ever trusting
// Content-Length.
import type { IncomingMessage } from 'node:http';
import { hasMediaType, readRawBody } from './read-raw-body.js';

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/** The parsed body; a refusal's status and sentence for anything else. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  // Requiring JSON keeps out the "simple" requests an HTML form on another site can send.
  if (!hasMediaType(req, 'application/json')) {
    req.resume();
    return {
      ok: false,
      status: 415,
      message: 'The request body must be JSON (Content-Type: application/json).',
    };
  }
  const body = await readRawBody(req, limitBytes);
  if (!body.ok) {
    return {
      ok: false,
      status: 413,
      message: `The request is larger than ${Math.round(limitBytes / 1024 / 1024)} MB.`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(body.bytes.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}
