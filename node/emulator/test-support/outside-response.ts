// A background response started on a server by something other than Mull (another tool, or a
// create whose answer Mull never saw): POST /responses with background, stream and store, read
// until the stream names the response (or until it ends), then let go. The server goes on with it.
import { createParser } from 'eventsource-parser';

export interface OutsideResponseOptions {
  /** The server's base URL, e.g. emulator.baseURL (http://127.0.0.1:PORT/v1). */
  baseURL: string;
  apiKey?: string;
  input: string;
  model?: string;
  /** Read the stream to its terminal event, so the response is finished when this resolves. */
  untilFinished?: boolean;
}

const terminalTypes = new Set([
  'response.completed',
  'response.incomplete',
  'response.failed',
  'response.cancelled',
]);

/** Starts the response and resolves with its id (and its status when this stopped reading). */
export async function startOutsideResponse(
  options: OutsideResponseOptions,
): Promise<{ id: string; status: string }> {
  const controller = new AbortController();
  const res = await fetch(`${options.baseURL}/responses`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${options.apiKey ?? 'sk-test-outside-tool'}`,
    },
    body: JSON.stringify({
      model: options.model ?? 'gpt-5-pro',
      input: options.input,
      background: true,
      stream: true,
      store: true,
    }),
    signal: controller.signal,
  });
  if (!res.ok || !res.body)
    throw new Error(`create failed: HTTP ${res.status} ${await res.text()}`);
  let id: string | undefined;
  let status = '';
  const reading = { done: false };
  const parser = createParser({
    onEvent: (message) => {
      const data = JSON.parse(message.data) as {
        type?: string;
        response?: { id?: string; status?: string };
      };
      id ??= data.response?.id;
      if (data.response?.status) status = data.response.status;
      if (id !== undefined && (!options.untilFinished || terminalTypes.has(data.type ?? ''))) {
        reading.done = true;
      }
    },
  });
  const decoder = new TextDecoder();
  try {
    // Leaving the loop cancels the body; the background response goes on on the server.
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (reading.done) break;
    }
  } finally {
    controller.abort();
  }
  if (id === undefined) throw new Error('The stream ended before it named the response.');
  return { id, status };
}
