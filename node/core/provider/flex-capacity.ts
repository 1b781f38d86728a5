// A flex job refused for lack of capacity. OpenAI's flex guide
// (https://platform.openai.com/docs/guides/flex-processing) says a flex request the service cannot
// take now gets "429 Resource Unavailable", is not billed, and should be retried with backoff or
// sent at the default tier. The exact `code` is not documented: Mull recognises the guide's
// wording in the message or a `resource_unavailable` code, never `insufficient_quota` (permanent).
import { APIError } from 'openai';

export { flexCapacityCode } from '../../../shared/tier-price.js';

const resourceUnavailable = /resource[\s_-]*(?:is\s+)?(?:un|not\s+)available/i;

/** True for an HTTP 429 that says flex capacity is unavailable (nothing was started). */
export function isFlexCapacityRefusal(thrown: unknown): boolean {
  if (!(thrown instanceof APIError) || thrown.status !== 429) return false;
  const code = typeof thrown.code === 'string' ? thrown.code : '';
  if (code === 'insufficient_quota') return false;
  const body: unknown = thrown.error;
  const message =
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
      ? body.message
      : thrown.message;
  return code === 'resource_unavailable' || resourceUnavailable.test(message);
}
