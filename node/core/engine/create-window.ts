// The create window: from the moment a create request is about to leave until its response id is
// stored. What a failure inside it means is decided here, and only here (docs/ARCHITECTURE.md,
// "The create window"). The rule: a create is sent again only when it is proven that nothing
// reached the server (the request's bytes never left, or the server answered with an HTTP error
// status). Anything else (a reset before or after the headers, a clean end in the middle of the
// first frame, a stall, a stream that never named the response) may have started a paid job on
// the server: the job becomes "unknown" and the person decides (attach its response id, or
// resubmit). A gpt-5-pro answer can cost dollars; a silent resend could bill it twice.
import { classifyFailure } from '../provider/failure.js';

/** How far the create request had got when it failed. */
export type CreateStage =
  /** Its bytes had not left (undici's sendHeaders had not fired): the server has nothing. */
  | 'unsent'
  /** Its bytes left; no response headers yet. */
  | 'sent'
  /** HTTP 200 headers arrived and the event stream was open, but no event named the response. */
  | 'streaming';

/** What went wrong, as the stream attempt saw it. */
export type CreateTrouble =
  /** Opening or reading the stream threw (an HTTP error status, a reset, DNS, a missing key). */
  | { kind: 'threw'; error: unknown }
  /** The body ended (cleanly, or cut in the middle of a frame) before the response was named. */
  | { kind: 'ended' }
  /** Nothing arrived for the stall threshold. */
  | { kind: 'stalled'; stallMs: number }
  /** The server reported an error on the stream before naming the response. */
  | { kind: 'error-frame'; code: string; message: string };

export type CreateDecision =
  /** Nothing reached the server: send the same create again after a backoff. */
  | { kind: 'resend'; reason: string }
  /** The server refused it for now (HTTP 408, 409, 429, 5xx) and started nothing: send again later. */
  | { kind: 'retry_later'; reason: string; retryAfterMs?: number }
  /** The job may exist on the server: never resend; the person attaches its id or resubmits. */
  | { kind: 'unknown'; message: string }
  /** No key, or the key was refused: pause until the key changes (nothing was started). */
  | { kind: 'needs_key'; reason: string }
  /** The server refused the job for good (HTTP 400, 403, 404, insufficient_quota). */
  | { kind: 'fail'; code: string; message: string };

/** What a person can do about an unknown job; ends every "unknown" sentence. */
export const unknownAdvice =
  "It may be running (and billed) on the server. If it appears in the provider's logs, attach its response id (Attach response, or 'mull attach RESPONSE_ID'); otherwise resubmit it.";

function unknown(what: string): CreateDecision {
  return { kind: 'unknown', message: `${what} ${unknownAdvice}` };
}

/** Decides what a failure inside the create window means for the job. */
export function decideCreate(trouble: CreateTrouble, stage: CreateStage): CreateDecision {
  if (trouble.kind === 'threw') {
    const failure = classifyFailure(trouble.error, 'create');
    switch (failure.kind) {
      case 'needs_key':
        return { kind: 'needs_key', reason: failure.reason };
      case 'permanent':
        return { kind: 'fail', code: failure.code, message: failure.message };
      case 'transient':
        // classifyFailure calls a failure transient at create only for an HTTP error status.
        return { kind: 'retry_later', reason: failure.reason, retryAfterMs: failure.retryAfterMs };
      default:
        // A connection failure with no HTTP status: its meaning depends on how far we got.
        if (stage === 'unsent') return { kind: 'resend', reason: failure.reason };
        return unknown(
          stage === 'sent'
            ? `The connection failed after the job was sent, before the server answered (${failure.reason}).`
            : `The connection failed after the server accepted the job, before it named it (${failure.reason}).`,
        );
    }
  }
  if (stage === 'unsent') {
    // Only a stall can end an attempt whose bytes never left (still connecting).
    return { kind: 'resend', reason: 'the connection stalled before the job was sent' };
  }
  switch (trouble.kind) {
    case 'stalled':
      return unknown(
        `The server did not answer for ${Math.round(trouble.stallMs / 1000)} s after the job was sent.`,
      );
    case 'error-frame':
      return unknown(
        `The server reported an error (${trouble.code}: ${trouble.message}) before it named the job.`,
      );
    case 'ended':
      return unknown(
        'The connection closed right after the job was sent, before the server confirmed it.',
      );
  }
}
