// Reads a Responses API event stream from a raw HTTP body with eventsource-parser, a maintained,
// spec-following SSE parser that works in linear time. (The SDK's own reader copies the rest of
// its buffer after every event: quadratic in the size of a read, so a backlog of events after a
// busy moment takes longer and longer to drain, and the main process's event loop stalls.)
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

/** Parsed events of an SSE body; both shapes of `error` frames come through as `type: "error"`. */
export async function* eventsOf(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ResponseStreamEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => pending.push(message) });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // `stream: true` keeps a character cut between two reads until its last byte arrives.
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      const ready = pending;
      pending = [];
      for (const message of ready) {
        const data = JSON.parse(message.data) as Record<string, unknown>;
        // The nested error shape ({error: {...}}) carries no top-level type on some servers.
        if (data.type === undefined && 'error' in data) data.type = 'error';
        yield data as unknown as ResponseStreamEvent;
      }
      if (done) return;
    }
  } finally {
    // Leaving early (terminal event, abort) must release the connection.
    await reader.cancel().catch(() => undefined);
  }
}
