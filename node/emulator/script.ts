// The emulator's control surface, as schemas: what a test (or the command line) can script.
// Every knob is documented in the README ("The Responses API emulator"); keep the two in step.
import { z } from 'zod';

/**
 * Something that happens to one stream connection, once, right after it writes event `afterSeq`
 * (an index into the log: -1 is before the first event, a resume with `starting_after=N` counts as
 * having written N).
 */
export const StreamFault = z.discriminatedUnion('kind', [
  // TCP reset (RST): the SDK sees `TypeError: terminated` (ECONNRESET). With afterSeq -1: after the
  // response headers, before any frame.
  z.object({ kind: z.literal('reset'), afterSeq: z.number().int().min(-1) }),
  // Half of the next frame, then a clean end of the HTTP body: the last event is cut off.
  z.object({ kind: z.literal('close-mid-frame'), afterSeq: z.number().int().min(-1) }),
  // A clean end of the HTTP body at a frame boundary, with no terminal event.
  z.object({ kind: z.literal('end'), afterSeq: z.number().int().min(-1) }),
  // The connection goes silent for `stallMs` of wall-clock time, then carries on.
  z.object({
    kind: z.literal('stall'),
    afterSeq: z.number().int().min(-1),
    stallMs: z.number().int().min(0),
  }),
  // An `error` frame, then a clean end. Like the real API's error frames it TAKES a sequence number:
  // it is inserted into the log at that point (numbered afterSeq + 1, later events shift by one),
  // so a resume after it does not see it again. The response itself carries on.
  z.object({
    kind: z.literal('error-frame'),
    afterSeq: z.number().int().min(-1),
    shape: z.enum(['flat', 'nested']).default('flat'),
    code: z.string().default('server_error'),
    message: z
      .string()
      .default('The server had an error while processing your request. Sorry about that!'),
  }),
  // The next request that would answer with this response (the create itself, streamed or not, or
  // a re-stream GET) has its TCP socket reset before any byte of the response headers. The response
  // exists on the server all the same: it runs and completes.
  z.object({ kind: z.literal('reset-before-headers') }),
]);
export type StreamFault = z.infer<typeof StreamFault>;

/** How the bytes of a stream are cut into writes (each awaited, Nagle off: separate TCP segments). */
export const Chunking = z.object({
  /** Cut the stream into pieces of 1..maxBytes bytes (seeded), ignoring frame boundaries. */
  maxBytes: z.number().int().min(1).optional(),
  seed: z.number().int().default(1),
  /** Additionally cut inside every multi-byte UTF-8 character. */
  splitUtf8: z.boolean().default(false),
});
export type Chunking = z.infer<typeof Chunking>;

export const Ending = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completed') }),
  z.object({
    kind: z.literal('incomplete'),
    reason: z.enum(['max_output_tokens', 'content_filter']).default('max_output_tokens'),
    /** How many answer deltas are sent before it stops (default: half). */
    afterDeltas: z.number().int().min(0).optional(),
  }),
  z.object({
    kind: z.literal('failed'),
    code: z.string().default('server_error'),
    message: z.string().optional(),
    afterDeltas: z.number().int().min(0).optional(),
  }),
  // Cancelled on the server by someone else: the log ends with no terminal event, GET says cancelled.
  z.object({ kind: z.literal('cancelled'), afterDeltas: z.number().int().min(0).optional() }),
  // As real/vercel-error-failed.json: a numbered nested `error` frame, then `response.failed`
  // carrying `error: {code, message}`. With afterDeltas 0 (the default) it comes right after
  // `response.in_progress`, before any output, and the failed response has no usage.
  z.object({
    kind: z.literal('error'),
    code: z.string().default('server_error'),
    message: z.string().optional(),
    afterDeltas: z.number().int().min(0).default(0),
  }),
]);
export type Ending = z.infer<typeof Ending>;

/** Virtual milliseconds: divided by the emulator's speed factor. */
export const Timing = z.object({
  /** Time spent queued before `response.in_progress`. */
  queuedMs: z.number().min(0).default(0),
  /** Silent thinking between `response.in_progress` and the first output event. */
  thinkMs: z.number().min(0).default(0),
  /** Time between two deltas (summary or answer); 0 releases them all at once. */
  deltaIntervalMs: z.number().min(0).default(0),
  /**
   * Time one hosted tool call takes (web search, code, file search, MCP), between its start and its
   * `completed`. Default 0, and 5000 for a deep-research model (a run of minutes, as on the API).
   */
  toolCallMs: z.number().min(0).optional(),
});
export type Timing = z.infer<typeof Timing>;

/**
 * How many hosted tool calls a create with `tools` makes, and how many citations its answer has.
 * Unset counts take the defaults of the model's kind: an ordinary model / a deep-research one.
 */
export const ToolRun = z.object({
  /** `web_search_call`s with `action.type: "search"` (default 2 / 16). */
  searches: z.number().int().min(0).optional(),
  /** `web_search_call`s that open a page found by a search (default 1 / 8). */
  openPages: z.number().int().min(0).optional(),
  /** `web_search_call`s that look for a word in an opened page (default 1 / 4). */
  findInPage: z.number().int().min(0).optional(),
  /** `url_citation` annotations on the answer when web search ran (default 3 / 30). */
  citations: z.number().int().min(0).optional(),
  /** Result URLs of each search, listed when `include` asks for the sources (default 5). */
  sourcesPerSearch: z.number().int().min(1).max(20).default(5),
  /** `code_interpreter_call`s (default 1 / 3). */
  codeCalls: z.number().int().min(0).optional(),
  /** `file_search_call`s; each cites one file in the answer (default 1 / 4). */
  fileSearches: z.number().int().min(0).optional(),
  /** `mcp_call`s per MCP server, after its `mcp_list_tools` (default 1 / 4). */
  mcpCalls: z.number().int().min(0).optional(),
  /** Seed of the generated queries, URLs, titles, code and file names. */
  seed: z.number().int().default(1),
});
export type ToolRun = z.infer<typeof ToolRun>;

export const ResponseScript = z.object({
  /** The answer text; default: a short Markdown answer that quotes the prompt. */
  answer: z.string().optional(),
  /**
   * Serve a recorded stream instead of generating one: the raw SSE text of a real create stream
   * (e.g. from e2e/fixtures/openai-recordings). Frames are served byte for byte, with the recorded
   * response id replaced by a fresh one; timing and the other text fields are ignored.
   */
  recording: z.string().optional(),
  /** Build the answer by repeating `answer` (or a default sentence) until it has this many deltas. */
  answerDeltas: z.number().int().min(1).optional(),
  /** Reasoning summary parts; streamed only when the request asks for `reasoning.summary`. */
  reasoningSummary: z.union([z.string(), z.array(z.string())]).optional(),
  /**
   * The model refuses: the message's content is `{type: "refusal", refusal}`, streamed with
   * `response.refusal.delta` / `.done` instead of output text (as real/mira-refusal.json).
   */
  refusal: z.string().min(1).optional(),
  /**
   * Two-phase output (as real/vercel-phase-codex.json): a first message with `phase: "commentary"`
   * and this text, then the answer as a message with `phase: "final_answer"`.
   */
  commentary: z.string().min(1).optional(),
  /** Counts of a tool run (a create with `tools`). */
  toolRun: ToolRun.prefault({}),
  /**
   * Plan a deep-research run (many searches and citations, minutes long) whatever the model;
   * default: for the deep-research models (o3-deep-research, o4-mini-deep-research).
   */
  deepResearch: z.boolean().optional(),
  /** Split text into deltas of at most this many code points (default: one word per delta). */
  deltaChars: z.number().int().min(1).optional(),
  timing: Timing.prefault({}),
  ending: Ending.default({ kind: 'completed' }),
  usage: z
    .object({
      inputTokens: z.number().int().min(0).optional(),
      cachedTokens: z.number().int().min(0).optional(),
      reasoningTokens: z.number().int().min(0).optional(),
    })
    .prefault({}),
  streamFaults: z.array(StreamFault).default([]),
  chunking: Chunking.optional(),
  /** `openai-poll-after-ms` header value on polls of this response. */
  pollAfterMs: z.number().int().min(0).optional(),
  /** Re-stream age limit for this response (virtual ms); overrides the emulator's setting. */
  restreamMaxAgeMs: z.number().min(0).optional(),
  /**
   * `ignore`: a cancel request answers with the response as it is and generation carries on.
   * `lie`: a cancel request answers `cancelled`, but generation carries on and later GETs say
   * `completed` (seen once on the real API).
   */
  cancel: z.enum(['honour', 'ignore', 'lie']).default('honour'),
  /**
   * false: frames carry no `sequence_number` (older API versions, some compatible servers). Such a
   * server keeps no event log: a re-stream GET answers HTTP 400, clients must poll.
   */
  sequenceNumbers: z.boolean().default(true),
  /**
   * The `obfuscation` padding field on `response.output_text.delta` and
   * `response.reasoning_summary_text.delta`. Default as in the recordings: on for foreground
   * streams, off for background ones; the request's `stream_options.include_obfuscation: false`
   * turns it off.
   */
  obfuscation: z.boolean().optional(),
});
export type ResponseScript = z.infer<typeof ResponseScript>;
export type ResponseScriptInput = z.input<typeof ResponseScript>;

/** Which create requests a scripted rule applies to; every given condition must hold. */
export const ScriptMatch = z.object({
  promptIncludes: z.string().optional(),
  model: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type ScriptMatch = z.infer<typeof ScriptMatch>;

export const ScriptRule = z.object({
  match: ScriptMatch.default({}),
  /** How many creates it applies to; null for every matching create. */
  times: z.number().int().min(1).nullable().default(1),
  script: ResponseScript.prefault({}),
});
export type ScriptRuleInput = z.input<typeof ScriptRule>;

export const RequestKind = z.enum([
  'create',
  'poll',
  'stream',
  'cancel',
  'delete',
  'models',
  /** `POST /files` (uploaded-files.ts): a fault `on: ['upload']` makes the next upload fail. */
  'upload',
]);
export type RequestKind = z.infer<typeof RequestKind>;

/** An HTTP error answered instead of the real reply, to the next `count` matching requests. */
export const RequestFault = z.object({
  status: z.number().int().min(400).max(599),
  code: z.string().nullable().optional(),
  type: z.string().optional(),
  message: z.string().optional(),
  retryAfterSeconds: z.number().min(0).optional(),
  retryAfterMs: z.number().int().min(0).optional(),
  /** null: every matching request from now on (e.g. a 401 "from some moment on"). */
  count: z.number().int().min(1).nullable().default(1),
  on: z.array(RequestKind).optional(),
  responseId: z.string().optional(),
  /** Only creates asking this `service_tier` (e.g. `flex`: flex-capacity.ts). */
  serviceTier: z.string().optional(),
});
export type RequestFaultInput = z.input<typeof RequestFault>;
export type RequestFault = z.infer<typeof RequestFault>;

export const EmulatorConfig = z.object({
  /** Virtual time runs this many times faster than the wall clock. */
  speed: z.number().positive().default(1),
  /** Re-stream age limit in virtual ms (the reported real value: 5 minutes). */
  restreamMaxAgeMs: z
    .number()
    .min(0)
    .default(5 * 60_000),
  /** `openai-poll-after-ms` on every poll, unless a response's script says otherwise. */
  pollAfterMs: z.number().int().min(0).optional(),
  /** The script used when no rule matches a create. */
  defaultScript: ResponseScript.prefault({}),
});
export type EmulatorConfig = z.infer<typeof EmulatorConfig>;
export type EmulatorConfigInput = z.input<typeof EmulatorConfig>;

/** Which keys the server accepts. `allowed: null` accepts any non-empty key not revoked. */
export const KeyPolicy = z.object({
  allowed: z.array(z.string()).nullable().default(null),
  revoked: z.array(z.string()).default([]),
});
export type KeyPolicyInput = z.input<typeof KeyPolicy>;
export type KeyPolicy = z.infer<typeof KeyPolicy>;

/** Changes to one live response. */
export const ResponsePatch = z.object({
  /** From now on every request for this id gets 404, as after the 30-day retention. */
  expired: z.boolean().optional(),
  restreamMaxAgeMs: z.number().min(0).optional(),
  pollAfterMs: z.number().int().min(0).nullable().optional(),
  /** Appended to the response's pending stream faults. */
  streamFaults: z.array(StreamFault).optional(),
});
export type ResponsePatchInput = z.input<typeof ResponsePatch>;
