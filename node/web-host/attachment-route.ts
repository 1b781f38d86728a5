// `/api/attachments`: files and images the page stores for a job, and their bytes read back (for
// thumbnails shown offline). Outside the JSON contract: a 50 MB PDF goes as the raw body of
//   POST /api/attachments?name=<file name>   (Content-Type: application/octet-stream)
// answered with the contract's settled envelope (the JobAttachment, or a refusal's sentence), and
//   GET /api/attachments/<sha256>
// answers the stored bytes. Both sit behind the same token and Origin guard as every /api route
// (web-host.ts checks it before routing here).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttachmentFiles } from '../backend/attachment-upload.js';
import { badRequest, sendJson } from './http-replies.js';
import { hasMediaType, readRawBody } from './read-raw-body.js';

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

/** What the route serves from: the attachment store, and the largest upload it takes. */
export interface AttachmentRoute {
  files: AttachmentFiles;
  limitBytes: number;
}

export async function answerAttachmentRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: AttachmentRoute,
): Promise<void> {
  if (url.pathname === attachmentsPath) {
    if (req.method === 'POST') await answerUpload(req, res, url, route);
    else methodNotAllowed(req, res, 'POST');
    return;
  }
  const name = url.pathname.slice(attachmentsPath.length + 1);
  if (req.method === 'GET') await answerRead(res, name, route.files);
  else methodNotAllowed(req, res, 'GET');
}

async function answerUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  { files, limitBytes }: AttachmentRoute,
): Promise<void> {
  // Not a type an HTML form on another site can send (nor, without a preflight, a script).
  if (!hasMediaType(req, 'application/octet-stream')) {
    refuseUnread(req, res, 415, 'The file must be sent as Content-Type: application/octet-stream.');
    return;
  }
  const name = url.searchParams.get('name');
  if (name === null || name === '') {
    refuseUnread(req, res, 400, "The file's name is missing: POST /api/attachments?name=FILE.");
    return;
  }
  const body = await readRawBody(req, limitBytes);
  if (!body.ok) {
    sendJson(res, 413, files.refuseTooLarge(name, body.size));
    return;
  }
  // A refusal is a 200 like every settled outcome of the contract: the envelope says what happened.
  sendJson(res, 200, await files.store(name, body.bytes));
}

async function answerRead(
  res: ServerResponse,
  name: string,
  files: AttachmentFiles,
): Promise<void> {
  // The raw segment, never decoded: only 64 lower-case hex digits name a file (read() checks).
  const settled = await files.read(name);
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

function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  refuseUnread(req, res, 405, `This address answers ${allow} only.`);
}

/** Refuses without reading the body, drained so the answer is not lost to a reset mid-upload. */
function refuseUnread(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
): void {
  req.resume();
  sendJson(res, status, badRequest(message));
}
