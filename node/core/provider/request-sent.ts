// Tells the engine the moment a create request's bytes are about to leave. undici publishes
// `undici:client:sendHeaders` synchronously right before it writes the request to the socket, so
// a callback that records "sent" here commits before the server can possibly have the request.
// A crash before that moment means the job was never sent and may be sent again safely; a crash
// after it leaves a job whose fate is unknown (docs/ARCHITECTURE.md, "The create window"). Without this, every crash
// while a create was still connecting would leave an "unknown" job.
import { subscribe } from 'node:diagnostics_channel';

/** The header that carries our id for a request (OpenAI echoes it in its logs for support). */
export const clientRequestIdHeader = 'X-Client-Request-Id';

const waiting = new Map<string, () => void>();
const idInHeaders = /^x-client-request-id: *([^\r\n]+)\r?$/im;

interface SendHeadersMessage {
  headers: unknown;
}

let subscribed = false;

function onSendHeaders(message: unknown): void {
  const headers = (message as SendHeadersMessage).headers;
  if (typeof headers !== 'string') return;
  const id = idInHeaders.exec(headers)?.[1]?.trim();
  if (id === undefined) return;
  const callback = waiting.get(id);
  if (!callback) return;
  waiting.delete(id);
  callback();
}

/** Calls `onSent` synchronously just before the request carrying `clientRequestId` is written. */
export function whenSent(clientRequestId: string, onSent: () => void): () => void {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onSendHeaders);
    subscribed = true;
  }
  waiting.set(clientRequestId, onSent);
  return () => waiting.delete(clientRequestId);
}
