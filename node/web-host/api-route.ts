// `POST /api/:channel`: one request of the contract over HTTP. The body is the request payload as
// JSON; the answer is the backend's Settled envelope, the same value Electron IPC would carry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Settled } from '../../shared/ipc/envelope.js';
import { isRequestChannel } from '../backend/dispatch.js';
import { badRequest, sendJson } from './http-replies.js';
import { readJsonBody } from './read-json-body.js';

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown): Promise<Settled<unknown>>;
}

export async function answerApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  backend: Dispatcher,
  bodyLimitBytes: number,
): Promise<void> {
  const body = await readJsonBody(req, bodyLimitBytes);
  if (!body.ok) {
    sendJson(res, body.status, badRequest(body.message));
    return;
  }
  const settled = await backend.dispatch(channel, body.value);
  // Every settled outcome is a 200, refusals included: the envelope says what happened. An unknown
  // channel is the one exception, so a typo in a tool's URL reads as what it is.
  sendJson(res, isRequestChannel(channel) ? 200 : 404, settled);
}

/** The channel named by `/api/<channel>`, or undefined for a path that cannot be one. */
export function channelOfPath(pathname: string): string | undefined {
  const match = /^\/api\/([^/]+)$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
