// Tells the engine the moment a create request's bytes are about to leave, and holds them until
// the engine has recorded "sent". undici publishes `undici:client:sendHeaders` synchronously right
// before it writes the request to the socket; the socket is corked there, so what undici writes
// waits in it, and is let go only after the mark is stored. A crash before that moment means the
// job was never sent and may be sent again safely; a crash after it leaves a job whose fate is
// unknown (docs/ARCHITECTURE.md, "The create window"). Without this, every crash while a create
// was still connecting would leave an "unknown" job.
//
// The creates whose connections opened in one turn of the event loop are marked together, once
// that turn's callbacks have run (setImmediate): in a burst of a thousand creates, one synced
// commit for many of them instead of one each (the sync was a fifth of the engine's time then).
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** The header that carries our id for a request (OpenAI echoes it in its logs for support). */
export const clientRequestIdHeader = 'X-Client-Request-Id';

/**
 * Runs the marks of creates leaving in the same turn together (JobWriter.inOneSyncedCommit).
 * Creates that name the same function share one run; if it throws, none of them is sent.
 */
export type MarkTogether = (marks: () => void) => void;

/** How a create is marked sent before its bytes leave. */
export interface SentMark {
  /**
   * Records that the create is leaving (inside `together`, when given). It may return what to do
   * once the mark is committed: if `together` throws, that is never done and nothing is sent.
   */
  mark(): (() => void) | undefined;
  together?: MarkTogether;
}

interface Leaving {
  sent: SentMark;
  socket: Socket;
}

const waiting = new Map<string, SentMark>();
let leaving: Leaving[] = [];
const idInHeaders = /^x-client-request-id: *([^\r\n]+)\r?$/im;

interface SendHeadersMessage {
  headers: unknown;
  socket: Socket;
}

let subscribed = false;

function onSendHeaders(message: unknown): void {
  const { headers, socket } = message as SendHeadersMessage;
  if (typeof headers !== 'string') return;
  const id = idInHeaders.exec(headers)?.[1]?.trim();
  if (id === undefined) return;
  const sent = waiting.get(id);
  if (!sent) return;
  waiting.delete(id);
  // Corks nest: undici's own cork and uncork around the write leave this one holding the bytes.
  socket.cork();
  if (leaving.length === 0) setImmediate(letLeave);
  leaving.push({ sent, socket });
}

/** Marks what is leaving, group by group, and lets each group's bytes go once its marks are in. */
function letLeave(): void {
  const batch = leaving;
  leaving = [];
  const groups = new Map<MarkTogether | undefined, Leaving[]>();
  for (const one of batch) {
    // A create cancelled meanwhile was destroyed with its socket: nothing of it left.
    if (one.socket.destroyed) continue;
    const group = groups.get(one.sent.together);
    if (group) group.push(one);
    else groups.set(one.sent.together, [one]);
  }
  for (const [together, group] of groups) {
    const afterwards: Array<() => void> = [];
    const markAll = () => {
      for (const { sent } of group) {
        const then = sent.mark();
        if (then) afterwards.push(then);
      }
    };
    try {
      if (together) together(markAll);
      else markAll();
    } catch (error) {
      // Unmarked, so unsent: the requests fail with this cause, as a connection that never opened.
      const refused = new Error(`the create was not sent: ${(error as Error).message}`, {
        cause: error,
      });
      for (const { socket } of group) socket.destroy(refused);
      continue;
    }
    for (const then of afterwards) then();
    for (const { socket } of group) socket.uncork();
  }
}

/**
 * Marks the create carrying `clientRequestId` as sent just before its bytes leave: they leave
 * once `sent.mark` (with the marks of the creates leaving in the same turn) has returned.
 */
export function whenSent(clientRequestId: string, sent: SentMark): () => void {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onSendHeaders);
    subscribed = true;
  }
  waiting.set(clientRequestId, sent);
  return () => waiting.delete(clientRequestId);
}
