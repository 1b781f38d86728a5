// `/api/attachments`: files and images the page stores for a job, and their bytes read back (for
// thumbnails shown offline). Outside the JSON contract: a 50 MB PDF goes as the raw body of
//   POST /api/attachments?name=<file name>   (Content-Type: application/octet-stream)
// answered with the contract's settled envelope (the JobAttachment, or a refusal's sentence), and
//   GET /api/attachments/<sha256>
// answers the stored bytes. Both sit behind the same token and Origin guard as every /api route
// (web-host.ts checks it before routing here).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { AttachmentFiles } from '../backend/attachment-upload.js';
import { sendJson } from './http-replies.js';
import { readRawBody } from './read-raw-body.js';

export const attachmentsPath = '/api/attachments';

/** Served inline (the page shows them as thumbnails); anything else only ever as a download. */
const imageTypes: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
]);

export function isAttachmentsPath(pathname: string): boolean {
  return pathname === attachmentsPath || pathname.startsWith(`${attachmentsPath}/`);
}

export async function answerAttachmentRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  files: AttachmentFiles,
  limitBytes: number,
): Promise<void> {
  if (url.pathname === attachmentsPath) {
    if (req.method === 'POST') await answerUpload(req, res, url, files, limitBytes);
    else methodNotAllowed(req, res, 'POST');
    return;
  }
  if (req.method === 'GET') answerRead(res, url.pathname.slice(attachmentsPath.length + 1), files);
  else methodNotAllowed(req, res, 'GET');
}

async function answerUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  files: AttachmentFiles,
  limitBytes: number,
): Promise<void> {
  // Not a type an HTML form on another site can send (nor, without a preflight, a script).
  if (!/^application\/octet-stream\s*(;|$)/iu.test(req.headers['content-type'] ?? '')) {
    req.resume();
    sendJson(res, 415, failure('The file must be sent as Content-Type: application/octet-stream.'));
    return;
  }
  const name = url.searchParams.get('name');
  if (name === null || name === '') {
    req.resume();
    sendJson(res, 400, failure("The file's name is missing: POST /api/attachments?name=FILE."));
    return;
  }
  const body = await readRawBody(req, limitBytes);
  if (!body.ok) {
    sendJson(res, 413, files.refuseTooLarge(name, body.size));
    return;
  }
  // A refusal is a 200 like every settled outcome of the contract: the envelope says what happened.
  sendJson(res, 200, files.store(name, body.bytes));
}

function answerRead(res: ServerResponse, name: string, files: AttachmentFiles): void {
  // The raw segment, never decoded: only 64 lower-case hex digits name a file (read() checks).
  const settled = files.read(name);
  if (!settled.ok) {
    sendJson(res, 404, settled);
    return;
  }
  const { bytes, mediaType } = settled.value;
  res.writeHead(200, {
    'Content-Type': mediaType,
    'Content-Length': bytes.length,
    // A file is never a page: even opened on its own it runs nothing and loads nothing.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Content-Disposition': imageTypes.has(mediaType) ? 'inline' : 'attachment',
    // What a person attached stays out of the browser's disk cache (like every API answer).
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

function failure(message: string): Settled<never> {
  return { ok: false, error: { code: 'BAD_REQUEST', message } };
}

function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  req.resume();
  res.setHeader('Allow', allow);
  sendJson(res, 405, failure(`This address answers ${allow} only.`));
}
