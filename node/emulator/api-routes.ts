// The Responses API surface: create, poll, re-stream, cancel, delete (and a model list, and file
// uploads for `file_id` inputs), under both OpenAI's `/v1` prefix and Azure's `/openai/v1`, with
// Bearer or `api-key` auth.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ApiError, invalidRequest, sendApiError, sendJson } from './api-error.js';
import { parseCreateRequest } from './create-request.js';
import { serviceTierOf } from './flex-capacity.js';
import type { EmulatorState } from './emulator-state.js';
import { emulatedModels } from './models.js';
import type { ResponseRun } from './response-run.js';
import type { LoggedRequest } from './request-log.js';
import type { RequestKind } from './script.js';
import { resetBeforeHeaders, streamEvents } from './sse-stream.js';
import { readUpload } from './uploaded-files.js';

const apiPrefixes = ['/openai/v1', '/v1'];
// A JSON body: room for 50 MB of inline files (OpenAI's limit per request,
// https://platform.openai.com/docs/guides/file-inputs), which base64 makes about 67 MB.
const maxBodyBytes = 96 * 1024 * 1024;

interface Route {
  kind: RequestKind | 'unknown';
  responseId?: string;
}

function routeOf(method: string, url: URL): Route {
  const pathname = url.pathname;
  const prefix = apiPrefixes.find((p) => pathname.startsWith(`${p}/`)) ?? '';
  const parts = pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'models' && parts.length === 1 && method === 'GET') return { kind: 'models' };
  if (parts[0] === 'files' && parts.length === 1 && method === 'POST') return { kind: 'upload' };
  if (parts[0] !== 'responses') return { kind: 'unknown' };
  if (parts.length === 1 && method === 'POST') return { kind: 'create' };
  const responseId = parts[1];
  if (parts.length === 2 && method === 'GET') {
    return { kind: url.searchParams.get('stream') === 'true' ? 'stream' : 'poll', responseId };
  }
  if (parts.length === 2 && method === 'DELETE') return { kind: 'delete', responseId };
  if (parts.length === 3 && parts[2] === 'cancel' && method === 'POST')
    return { kind: 'cancel', responseId };
  return { kind: 'unknown', responseId };
}

function keyOf(req: IncomingMessage): { key?: string; auth: LoggedRequest['auth'] } {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return { key: bearer, auth: 'bearer' };
  const apiKey = req.headers['api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return { key: apiKey, auth: 'api-key' };
  return { auth: 'none' };
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw invalidRequest('Request body too large.', null, null, 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    );
  }
}

export async function handleApiRequest(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const route = routeOf(method, url);
  const { key, auth } = keyOf(req);
  const requestId = `req_${randomBytes(16).toString('hex')}`;
  res.setHeader('x-request-id', requestId);
  res.setHeader('openai-version', '2020-10-01');
  res.setHeader('openai-processing-ms', '7');
  const entry = state.log.add({
    requestId,
    at: new Date().toISOString(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    kind: route.kind,
    responseId: route.responseId,
    status: 0,
    auth,
    keyLast4: key?.slice(-4),
  });
  res.once('close', () => {
    if (res.headersSent) entry.status = res.statusCode;
  });
  try {
    // An upload is multipart: the log keeps what it carried, never its bytes.
    const upload = route.kind === 'upload' ? await readUpload(req, url) : undefined;
    if (upload) entry.upload = upload;
    const body = method === 'POST' && !upload ? await readJsonBody(req) : undefined;
    if (body !== undefined) entry.body = body;
    const authError = state.checkKey(key);
    if (authError) throw authError;
    if (route.kind !== 'unknown') {
      const fault = state.faults.take(route.kind, route.responseId, serviceTierOf(body));
      if (fault) throw fault;
    }
    await dispatch(state, route, body, url, res, entry);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!(error instanceof ApiError)) throw error;
    sendApiError(res, error);
  }
}

async function dispatch(
  state: EmulatorState,
  route: Route,
  body: unknown,
  url: URL,
  res: ServerResponse,
  entry: LoggedRequest,
): Promise<void> {
  const id = route.responseId ?? '';
  switch (route.kind) {
    case 'create':
      return create(state, body, res, entry);
    case 'poll':
      poll(state, state.findRun(id), res);
      return;
    case 'stream':
      return restream(state, state.findRun(id), url, res, entry);
    case 'cancel':
      cancel(state.findRun(id), res);
      return;
    case 'delete':
      state.deleteResponse(id);
      sendJson(res, 200, { id, object: 'response', deleted: true });
      return;
    case 'upload': {
      if (!entry.upload) throw new Error('an upload without its file');
      const file = state.files.add(entry.upload);
      entry.upload.fileId = file.id;
      sendJson(res, 200, file);
      return;
    }
    case 'models':
      sendJson(res, 200, {
        object: 'list',
        data: Object.keys(emulatedModels).map((model) => ({
          id: model,
          object: 'model',
          created: 1_700_000_000,
          owned_by: 'openai',
        })),
      });
      return;
    case 'unknown':
      throw invalidRequest(`Invalid URL (${url.pathname})`, null, null, 404);
  }
}

async function create(
  state: EmulatorState,
  body: unknown,
  res: ServerResponse,
  entry: LoggedRequest,
): Promise<void> {
  const request = parseCreateRequest(body);
  const run = state.createResponse(request);
  entry.responseId = run.id;
  if (request.stream) return streamEvents(run, res, 0, entry);
  // The response exists and runs from here on, whatever happens to this reply.
  if (run.takeHeaderFault()) {
    resetBeforeHeaders(res, entry);
    return;
  }
  if (!request.background) {
    // A foreground request without streaming waits for the whole answer.
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    while (!run.isClosed && !closed.signal.aborted) await run.waitForChange(closed.signal);
    sendJson(res, 200, run.snapshot);
    return;
  }
  // A background create answers queued at once, however fast the response then runs.
  sendJson(res, 200, { ...run.initialSnapshot, status: 'queued', output: [], usage: null });
}

function poll(state: EmulatorState, run: ResponseRun, res: ServerResponse): void {
  const pollAfter = state.pollAfterMs(run);
  const headers: Record<string, string> =
    pollAfter === undefined ? {} : { 'openai-poll-after-ms': String(pollAfter) };
  sendJson(res, 200, { ...run.snapshot, billing: { payer: 'developer' } }, headers);
}

async function restream(
  state: EmulatorState,
  run: ResponseRun,
  url: URL,
  res: ServerResponse,
  entry: LoggedRequest,
): Promise<void> {
  if (!run.createdStreaming) {
    throw invalidRequest(
      'This response cannot be streamed because it was not created with stream=true.',
      'stream',
    );
  }
  if (!run.sequenced) {
    // A server whose events carry no sequence numbers keeps no event log: clients must poll.
    throw invalidRequest(
      'This response cannot be streamed: this server keeps no event log for it. Poll GET /responses/{id} instead.',
      'stream',
    );
  }
  const limitMs = state.restreamLimitMs(run);
  if (run.virtualAgeMs > limitMs) {
    const minutes = Number((limitMs / 60_000).toFixed(2));
    throw invalidRequest(
      `This response can no longer be streamed because it is more than ${minutes} minutes old.`,
      'stream',
    );
  }
  const startingAfter = url.searchParams.get('starting_after');
  let firstIndex = 0;
  if (startingAfter !== null) {
    const n = Number(startingAfter);
    if (!Number.isInteger(n) || n < -1) {
      throw invalidRequest(
        `Invalid type for 'starting_after': expected an integer, but got '${startingAfter}' instead.`,
        'starting_after',
        'invalid_type',
      );
    }
    firstIndex = run.indexAfter(n);
  }
  return streamEvents(run, res, firstIndex, entry);
}

function cancel(run: ResponseRun, res: ServerResponse): void {
  if (!run.background) {
    throw invalidRequest('Only responses created with background=true can be cancelled.', null);
  }
  const status = run.snapshot.status;
  if (run.isTerminal && status !== 'cancelled') {
    throw invalidRequest(`Cannot cancel a response with status '${status}'.`, null);
  }
  sendJson(res, 200, run.cancel());
}
