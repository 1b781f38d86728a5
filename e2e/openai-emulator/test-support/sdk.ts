// Test helpers: the official openai SDK pointed at an emulator, and stream collectors.
import OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

export const testKey = 'sk-test-emulator-0000';

export function sdkClient(
  baseURL: string,
  options: { maxRetries?: number; apiKey?: string } = {},
): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? testKey,
    baseURL,
    maxRetries: options.maxRetries ?? 0,
  });
}

export interface Collected {
  events: ResponseStreamEvent[];
  text: string;
  /** What ended the iteration: undefined for a clean end. */
  error?: unknown;
  /** performance.now() when each event arrived. */
  arrivals: number[];
}

/** Iterates an SDK stream to its end (or its error), keeping every event. */
export async function collect(stream: AsyncIterable<ResponseStreamEvent>): Promise<Collected> {
  const events: ResponseStreamEvent[] = [];
  const arrivals: number[] = [];
  let error: unknown;
  try {
    for await (const event of stream) {
      events.push(event);
      arrivals.push(performance.now());
    }
  } catch (caught) {
    error = caught;
  }
  const text = events.map((e) => (e.type === 'response.output_text.delta' ? e.delta : '')).join('');
  return { events, text, error, arrivals };
}

export function createBackgroundStream(
  client: OpenAI,
  input = 'Explain the emulator.',
  extra: Record<string, unknown> = {},
) {
  return client.responses.create({
    model: 'gpt-4.1-mini',
    input,
    background: true,
    stream: true,
    store: true,
    ...extra,
  });
}

export function lastSeq(c: Collected): number {
  return c.events.at(-1)?.sequence_number ?? -1;
}
