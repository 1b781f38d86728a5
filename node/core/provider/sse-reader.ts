// Reads a Responses API event stream from a raw HTTP body with eventsource-parser, a maintained,
// spec-following SSE parser that works in linear time. (The SDK's own reader copies the rest of
// its buffer after every event: quadratic in the size of a read, so a backlog of events after a
// busy moment takes longer and longer to drain, and the main process's event loop stalls.)
import { StringDecoder } from 'node:string_decoder';
import { createParser } from 'eventsource-parser';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';

/**
 * Parsed events of an SSE body, one batch per network read (never empty): the reader applies a
 * read's events in one synchronous pass, not one async-generator hop per event (issue 13: at
 * 200,000 deltas the hops cost more than the parsing). Both shapes of `error` frames come through
 * as `type: "error"`.
 */
export async function* eventBatchesOf(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<ResponseStreamEvent[]> {
  // Node's StringDecoder: a streaming TextDecoder took 7 times as long for the same bytes.
  const decoder = new StringDecoder('utf8');
  let batch: ResponseStreamEvent[] = [];
  const parser = createParser({
    onEvent: (message) => {
      const data = JSON.parse(message.data) as Record<string, unknown>;
      // The nested error shape ({error: {...}}) carries no top-level type on some servers.
      if (data.type === undefined && 'error' in data) data.type = 'error';
      batch.push(data as unknown as ResponseStreamEvent);
    },
  });
  // Leaving early (terminal event, abort) returns the body's iterator, which releases the
  // connection (a web stream is cancelled, a Node stream destroyed).
  for await (const value of body) {
    // A character cut between two reads waits for its last byte.
    parser.feed(decoder.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength)));
    if (batch.length > 0) {
      const ready = batch;
      batch = [];
      yield ready;
    }
  }
  parser.feed(decoder.end());
  if (batch.length > 0) yield batch;
}
