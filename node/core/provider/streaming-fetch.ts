// The fetch the SDK is given for every request but uploads, built on undici's Dispatcher API
// (`request`) instead of on its fetch. Both send the same bytes through the same agents, and
// undici still announces each request as it leaves (request-sent.ts); the difference is the body.
// fetch pumps every network read through WHATWG streams before anyone sees it, and with a
// thousand jobs streaming small deltas that was the engine's largest cost per event
// (docs/ARCHITECTURE.md, "Reading event streams"). Here the event reader takes the Node stream
// itself (nodeBodyOf); the Response still has a web body, read by the SDK for a JSON answer (a
// poll) or to turn an HTTP error into an exception. Redirects are not followed.
import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';

const nodeBodies = new WeakMap<Response, { body: Readable; signal: AbortSignal | undefined }>();

/** Statuses whose response has no body (a Response refuses one). */
const bodiless = new Set([101, 103, 204, 205, 304]);

/** The Node body of a Response made by streamingFetch (its web body then is never read). */
export function nodeBodyOf(response: Response): AsyncIterable<Uint8Array> | undefined {
  const made = nodeBodies.get(response);
  return made && readingLikeFetch(made.body, made.signal);
}

/**
 * A fetch on undici's `request`, sending through `dispatcher` unless the call names its own.
 * Failures look as fetch's do: a request that fails throws TypeError('fetch failed') with the
 * cause (or the signal's reason once aborted), and a body cut short throws TypeError('terminated')
 * with the cause, so the engine reads them alike.
 */
export function streamingFetch(dispatcher: Dispatcher): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    const options = (init ?? {}) as RequestInit & { dispatcher?: Dispatcher };
    let answer: Dispatcher.ResponseData;
    try {
      answer = await request(urlOf(input), {
        method: options.method ?? 'GET',
        headers: headersOf(options.headers),
        body: options.body as string | Buffer | null | undefined,
        signal,
        dispatcher: options.dispatcher ?? dispatcher,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const status = answer.statusCode;
    const body = answer.body as unknown as Readable;
    if (bodiless.has(status)) {
      body.resume();
      return new Response(null, { status, headers });
    }
    const response = new Response(webBodyOf(body), { status, headers });
    nodeBodies.set(response, { body, signal });
    return response;
  };
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  // A plain record is sent as it is: responses-client.ts hands one on, of strings, flattened
  // from the SDK's headers already (withAuthHeaders).
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers))
    return Object.fromEntries(new Headers(headers).entries());
  return headers as Record<string, string>;
}

/** The body's chunks, with fetch's errors: the signal's reason once aborted, else 'terminated'. */
async function* readingLikeFetch(
  body: Readable,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk as Buffer;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new TypeError('terminated', { cause: error });
  } finally {
    body.destroy();
  }
}

/** A web body that reads the Node one only when asked (a JSON answer or an error's text). */
function webBodyOf(body: Readable): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      },
      cancel() {
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
