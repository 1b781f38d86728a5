// An event's JSON, made once. The writer thread serializes each event it tells (the host would
// otherwise copy it by structured clone and then stringify it again for every event stream); the
// host parses it for its listeners and keeps the text beside the parsed payload, so the web host's
// event stream writes the very text the worker made (sse-events-route.ts).
const texts = new WeakMap<object, string>();

/** The payload `json` describes, remembered with its text. */
export function parseEventJson(json: string): unknown {
  const payload: unknown = JSON.parse(json);
  if (typeof payload === 'object' && payload !== null) texts.set(payload, json);
  return payload;
}

/** The payload's JSON: the text it was parsed from, else made now. */
export function eventJson(payload: unknown): string {
  return (
    (typeof payload === 'object' && payload !== null && texts.get(payload)) ||
    JSON.stringify(payload)
  );
}
