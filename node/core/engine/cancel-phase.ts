// Cancel means cancel on the server: POST /responses/{id}/cancel (a few tries through transient
// trouble), then the driver confirms the final state with a GET, because a cancel is best effort
// and a response may still complete (the server has the last word).
import { classifyFailure, type ProviderFailure } from '../provider/failure.js';
import type { ResponsesClient } from '../provider/responses-client.js';
import { reconnectDelayMs, type BackoffPolicy } from './backoff.js';
import type { JobWriter } from './job-writer.js';
import type { WakeSignal } from './wake-signal.js';

export interface CancelDeps {
  client: ResponsesClient;
  writer: JobWriter;
  wake: WakeSignal;
  backoff: BackoffPolicy;
}

const cancelTries = 3;

/**
 * Asks the server to cancel `responseId`. Returns a failure the driver must act on (the key was
 * refused, the response is gone), or undefined when the driver should now confirm with a GET.
 */
export async function cancelOnServer(
  jobId: string,
  responseId: string,
  deps: CancelDeps,
): Promise<ProviderFailure | undefined> {
  deps.writer.note(jobId, { kind: 'cancel_requested' });
  for (let attempt = 0; attempt < cancelTries; attempt++) {
    try {
      const answer = await deps.client.cancel(responseId);
      // Kept for the timeline: the GET that follows may still report another final status.
      deps.writer.note(jobId, { kind: 'cancel_answered', detail: answer.status ?? null });
      return undefined;
    } catch (error) {
      const failure = classifyFailure(error, 'cancel');
      if (failure.kind === 'needs_key' || failure.kind === 'expired') return failure;
      // A 400 (already finished) is fine: the GET that follows tells the final state.
      if (failure.kind !== 'transient') return undefined;
      await deps.wake.sleep(reconnectDelayMs(deps.backoff, attempt, failure.retryAfterMs));
    }
  }
  return undefined;
}
