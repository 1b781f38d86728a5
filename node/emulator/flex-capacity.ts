// The flex tier's refusal: when flex capacity runs out, OpenAI answers a `service_tier: "flex"`
// request with "429 Resource Unavailable" and bills nothing
// (https://platform.openai.com/docs/guides/flex-processing). The body's code and type are not
// documented; this emulator sends code `resource_unavailable` with the usual 429 type, so Mull
// must recognise the refusal by its status and wording (node/core/provider/flex-capacity.ts).
import type { RequestFaultInput } from './script.js';

export const flexCapacityMessage =
  'Resource Unavailable: flex capacity is not available right now.';

/** A request fault refusing the next `count` flex creates (only creates asking for flex). */
export function flexCapacityFault(
  count: number | null,
  retryAfterSeconds?: number,
): RequestFaultInput {
  return {
    status: 429,
    code: 'resource_unavailable',
    message: flexCapacityMessage,
    count,
    on: ['create'],
    serviceTier: 'flex',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** The tier a create body asks for (`service_tier`), undefined for none or another request. */
export function serviceTierOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('service_tier' in body)) return undefined;
  return typeof body.service_tier === 'string' ? body.service_tier : undefined;
}
