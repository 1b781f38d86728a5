// The one module around the `openai` SDK: create, resume, poll, cancel and delete background
// responses on one provider (OpenAI, Azure OpenAI or an OpenAI-compatible server), and upload the
// files a create names by id.
import OpenAI, { toFile } from 'openai';
import type {
  ResponseInputFile,
  ResponseInputImage,
  Response as ServerResponse,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { Agent } from 'undici';
import { nodeBodyOf, streamingFetch } from './streaming-fetch.js';
import { OpeningGate } from './opening-gate.js';
import { randomUUID } from 'node:crypto';
import { eventBatchesOf } from './sse-reader.js';
import { clientRequestIdHeader, whenSent, type SentMark } from './request-sent.js';
import type { AuthStyle } from '../../../shared/provider.js';

export type { ServerResponse, ResponseStreamEvent };
/** The SDK's shapes of an `input_file` and an `input_image` part (by data, URL or file id). */
export type { ResponseInputFile as InputFilePart, ResponseInputImage as InputImagePart };

export interface Endpoint {
  /** Normalized once with normalizeBaseUrl(); every path is joined onto it by the SDK. */
  baseUrl: string;
  authStyle: AuthStyle;
}

/** Reads the key before every request, so a key changed in the keychain applies at once. */
export type KeyLookup = () => Promise<string | undefined>;

export interface CreateBody {
  model: string;
  /** The prompt as text, or one user message whose parts add files and images. */
  input: string | InputMessage[];
  instructions?: string;
  /** `flex`: the cheaper tier that may be refused for lack of capacity. */
  service_tier?: string;
  reasoning?: { effort?: string; summary?: string };
  max_output_tokens?: number;
  previous_response_id?: string;
  metadata?: Record<string, string>;
  /** Hosted tools in the API's shape (see engine/create-body.ts). */
  tools?: Record<string, unknown>[];
  max_tool_calls?: number;
  include?: string[];
}

/** A user message with content parts: input_text, input_file, input_image (the API's shapes). */
export interface InputMessage {
  role: 'user';
  content: Record<string, unknown>[];
}

export interface Streamed {
  /** The stream's events, one batch per network read. */
  batches: AsyncIterable<ResponseStreamEvent[]>;
  requestId: string | null;
}

export interface Polled {
  response: ServerResponse;
  /** The server's `openai-poll-after-ms` hint, when it sent one. */
  pollAfterMs: number | undefined;
  requestId: string | null;
}

/**
 * Thrown when a request cannot have a key: none is stored (the job needs one from the person), or
 * the lookup failed (the OS keychain did not answer). Either way nothing was sent.
 */
export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';

  /** `unavailable`: why the key could not be read (the lookup's own sentence); absent: none is set. */
  constructor(readonly unavailable?: string) {
    super(unavailable ?? 'No API key is set for this provider.');
  }
}

// Node's fetch (undici) cuts a response body after 300 s without a byte, which a thinking model
// exceeds between events. Mull watches for stalls itself (the engine's stall watchdog), so the
// body timeout is off; headers must still come within the SDK's own timeout.
const longLivedAgent = new Agent({
  bodyTimeout: 0,
  headersTimeout: 10 * 60_000,
  keepAliveTimeout: 30_000,
});

// A create goes out on a connection of its own, never on an idle kept-alive one: a server may
// close an idle connection just as a request is written to it (more likely on a busy machine,
// whose timers run late), and a create that fails after its bytes left cannot be sent again (it
// would leave the job "unknown"). Every create asks for its connection to be closed after it
// (undici's `reset`), so no create connection ever waits idle in this agent's pool to be reused.
const createAgent = new Agent({ bodyTimeout: 0, headersTimeout: 10 * 60_000 }).compose(
  (dispatch) => (options, handler) => dispatch({ ...options, reset: true }, handler),
);

type CreateFetchOptions = NonNullable<OpenAI.RequestOptions['fetchOptions']>;

function withAuthHeaders(authStyle: AuthStyle, init: RequestInit | undefined) {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  if (authStyle === 'api-key') {
    // Azure's key header: the SDK always writes a Bearer header, so move the key across.
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
    delete headers.authorization;
    if (bearer) headers['api-key'] = bearer;
  }
  return headers;
}

function fetchFor(authStyle: AuthStyle): typeof fetch {
  // undici's Dispatcher API under a fetch's shape (streaming-fetch.ts), through the agent above
  // unless a request names its own (the create does: see createAgent).
  const send = streamingFetch(longLivedAgent);
  return (input, init) => send(input, { ...init, headers: withAuthHeaders(authStyle, init) });
}

/**
 * Node's own fetch, for uploads only. The SDK builds a multipart body as Node's global FormData,
 * which the undici package's fetch (above) does not recognise (a different copy of undici: it
 * would send "[object FormData]"); Node's fetch encodes it. An upload needs no long-lived agent:
 * its answer is one small JSON object.
 */
function uploadFetchFor(authStyle: AuthStyle): typeof fetch {
  return (input, init) => fetch(input, { ...init, headers: withAuthHeaders(authStyle, init) });
}

/** The SDK checks the status and throws for errors; the body is read with eventBatchesOf(). */
function streamedFrom(response: Response): Streamed {
  const body = nodeBodyOf(response) ?? response.body;
  if (!body) throw new TypeError('the event stream has no body');
  return {
    batches: eventBatchesOf(body),
    requestId: response.headers.get('x-request-id'),
  };
}

/**
 * Creates of one provider opening at once (opening-gate.ts). 256 keeps a burst of 1,000 inside a
 * server's listen queue (Node's default backlog is 511) while adding no wait to a normal batch.
 */
export const createsOpeningAtOnce = 256;

export class ResponsesClient {
  private readonly sdk: OpenAI;
  private readonly opening = new OpeningGate(createsOpeningAtOnce);
  /** The same provider and key through Node's own fetch, for multipart uploads (see above). */
  private readonly uploads: OpenAI;

  constructor(endpoint: Endpoint, key: KeyLookup) {
    const apiKey = async () => {
      let value: string | undefined;
      try {
        value = await key();
      } catch (error) {
        // The key store failed (e.g. the keychain timed out): no key, and the job says why.
        throw new MissingKeyError(error instanceof Error ? error.message : String(error));
      }
      if (!value) throw new MissingKeyError();
      return value;
    };
    this.sdk = new OpenAI({
      baseURL: endpoint.baseUrl,
      apiKey,
      // The engine owns every retry: an SDK retry of a create could start a second paid job.
      maxRetries: 0,
      fetch: fetchFor(endpoint.authStyle),
    });
    this.uploads = new OpenAI({
      baseURL: endpoint.baseUrl,
      apiKey,
      // An upload is never a paid job, but the engine still decides when to try again.
      maxRetries: 0,
      fetch: uploadFetchFor(endpoint.authStyle),
    });
  }

  /**
   * Uploads a file for model input and returns its id, for `input_file` / `input_image` parts
   * with `file_id`: POST /files, multipart, purpose `user_data` ("Flexible file type for any
   * purpose", https://platform.openai.com/docs/api-reference/files/create; a file id as model
   * input: https://platform.openai.com/docs/guides/file-inputs and, for images,
   * https://platform.openai.com/docs/guides/images-vision).
   */
  async uploadFile(
    name: string,
    bytes: Uint8Array,
    mediaType: string,
    signal: AbortSignal,
  ): Promise<string> {
    const file = await this.uploads.files.create(
      { file: await toFile(bytes, name, { type: mediaType }), purpose: 'user_data' },
      { signal },
    );
    return file.id;
  }

  /**
   * Starts a background response and returns its event stream (background, stream, store all
   * on). `sent` marks it sent just before the request's bytes leave (see request-sent.ts).
   */
  async create(body: CreateBody, signal: AbortSignal, sent?: SentMark): Promise<Streamed> {
    const release = await this.opening.enter(signal);
    const clientRequestId = randomUUID();
    const stopWatching = sent ? whenSent(clientRequestId, sent) : undefined;
    try {
      const response = await this.sdk.responses
        .create(
          {
            ...body,
            background: true,
            stream: true,
            store: true,
          } as OpenAI.Responses.ResponseCreateParamsStreaming,
          {
            signal,
            headers: { [clientRequestIdHeader]: clientRequestId },
            // undici's agent: the SDK hands fetchOptions to fetchFor's `init` as they are.
            fetchOptions: { dispatcher: createAgent } as unknown as CreateFetchOptions,
          },
        )
        .asResponse();
      return streamedFrom(response);
    } finally {
      release(); // the headers are in (or it failed): streaming does not hold a place
      stopWatching?.();
    }
  }

  /** Re-streams a response from just after `cursor` (the server replays, then follows live). */
  async resume(responseId: string, cursor: number, signal: AbortSignal): Promise<Streamed> {
    // `retrieve` sends starting_after to the server; the SDK's `responses.stream()` helper would
    // replay everything and filter locally. No cursor yet: the whole log.
    const response = await this.sdk.responses
      .retrieve(
        responseId,
        cursor >= 0 ? { stream: true, starting_after: cursor } : { stream: true },
        { signal },
      )
      .asResponse();
    return streamedFrom(response);
  }

  async poll(responseId: string, signal: AbortSignal): Promise<Polled> {
    const { data, response, request_id } = await this.sdk.responses
      .retrieve(responseId, {}, { signal })
      .withResponse();
    const hint = Number(response.headers.get('openai-poll-after-ms'));
    return {
      response: data,
      pollAfterMs: Number.isFinite(hint) && hint > 0 ? hint : undefined,
      requestId: request_id,
    };
  }

  async cancel(responseId: string): Promise<ServerResponse> {
    return this.sdk.responses.cancel(responseId);
  }

  async delete(responseId: string): Promise<void> {
    await this.sdk.responses.delete(responseId);
  }

  /** A cheap authenticated call, for "test connection". */
  async listModelIds(): Promise<string[]> {
    const page = await this.sdk.models.list();
    return page.data.map((m) => m.id);
  }
}
