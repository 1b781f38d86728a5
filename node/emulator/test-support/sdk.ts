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

/** The response id of a collected stream (its first event is `response.created`). */
export function responseIdOf(run: Collected): string {
  const first = run.events[0];
  if (first?.type !== 'response.created') throw new Error('expected response.created first');
  return first.response.id;
}

/** Polls until the response is terminal (or `until` says stop), at a test's poll interval. */
export async function pollUntil(
  client: OpenAI,
  id: string,
  until: (status: string) => boolean = (s) => s !== 'queued' && s !== 'in_progress',
) {
  let polled = await client.responses.retrieve(id);
  while (!until(polled.status ?? '')) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    polled = await client.responses.retrieve(id);
  }
  return polled;
}
