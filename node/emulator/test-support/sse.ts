// Test helpers: parse raw SSE text into events, and read the recordings in e2e/fixtures/ (real/ has
// its own reader, real-recording.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createParser } from 'eventsource-parser';

export interface SseEvent {
  event: string | undefined;
  data: Record<string, unknown>;
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({
    onEvent: (message) => {
      events.push({
        event: message.event,
        data: JSON.parse(message.data) as Record<string, unknown>,
      });
    },
  });
  parser.feed(text);
  return events;
}

export interface RecordedEntry {
  RequestMethod: string;
  RequestUri: string;
  RequestBody: unknown;
  StatusCode: number;
  ResponseHeaders: Record<string, string | string[]>;
  ResponseBody: unknown;
}

export const recordingsDir = fileURLToPath(
  new URL('../../../e2e/fixtures/openai-recordings/', import.meta.url),
);

export function readRecording(name: string): RecordedEntry[] {
  const json = JSON.parse(readFileSync(`${recordingsDir}${name}`, 'utf8')) as {
    Entries: RecordedEntry[];
  };
  return json.Entries;
}

/** A streamed reply is recorded as a list of strings; joined with no separator they are the SSE text. */
export function recordedSse(entry: RecordedEntry): string {
  if (!Array.isArray(entry.ResponseBody)) throw new Error('not a streamed entry');
  return (entry.ResponseBody as string[]).join('');
}

/** The text of a response object's output: every output_text part of every message, in order. */
export function outputText(response: Record<string, unknown>): string {
  const output = response.output as Array<{
    type: string;
    content?: Array<{ type: string; text?: string }>;
  }>;
  return output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content ?? [])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text ?? '')
    .join('');
}

/** Folds output_text deltas into the answer, as a client would. */
export function foldDeltas(events: SseEvent[]): string {
  return events
    .filter((e) => e.data.type === 'response.output_text.delta')
    .map((e) => e.data.delta as string)
    .join('');
}

/** Consecutive repeats collapsed: the shape of a stream, independent of its length. */
export function typeSequence(events: SseEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const type = e.data.type as string;
    if (out[out.length - 1] !== type) out.push(type);
  }
  return out;
}
