// The randomized fault schedules of fault-schedule.property.test.ts, as fast-check arbitraries:
// what goes wrong for one job (its create stream, its resumes, its polls) and for one batch of
// jobs (refused creates, SIGKILLs of the driving `mull run`); and the in-process hooks on the
// emulator that play the per-response parts of a schedule and tell the test about every request
// (its kill moments).
import fc from 'fast-check';
import type {
  LoggedRequest,
  ResponseScriptInput,
  RunningEmulator,
  StreamFault,
} from '../../../emulator/index.js';
import type { EngineOptionsInput } from '../engine-options.js';

/** The child driver's engine timings (passed as MULL_ENGINE_OPTIONS): short, for a quick run. */
export const childEngine = {
  stallMs: 2_000,
  flushMs: 50,
  // Refused creates are armed for a whole batch (any job can meet several): never give up here.
  createAttempts: 25,
  pendingScanMs: 200,
  backoff: { baseMs: 20, maxMs: 250, resumeAttempts: 4, pollFirstMs: 30, pollMaxMs: 250 },
} satisfies EngineOptionsInput;

/** Virtual time of the emulator runs this many times faster than the clock. */
export const emulatorSpeed = 10;

/** A scripted stall: wall-clock, comfortably longer than the engine's stall threshold. */
const stallMs = childEngine.stallMs + 1_000;

/** An HTTP error answered instead of the real reply (a request fault, without its target). */
export type HttpFault =
  | { status: 429; retryAfterSeconds: number }
  | { status: 429; retryAfterMs: number }
  | { status: 500 | 502 | 503 };

export interface JobRequestFault {
  on: 'stream' | 'poll';
  fault: HttpFault;
  count: number;
}

export interface JobSchedule {
  model: 'gpt-5' | 'o3';
  summary: boolean;
  answer: string;
  answerDeltas: number;
  deltaChars: number;
  timing: { queuedMs: number; thinkMs: number; deltaIntervalMs: number };
  /** A fault inside the create window (before response.created names the response), or none. */
  createWindow: StreamFault | undefined;
  /** Faults from event 0 on: each strikes the first connection (create or resume) to pass it. */
  streamFaults: StreamFault[];
  /** HTTP errors for this response's re-stream GETs and polls, armed as the response is created. */
  requestFaults: JobRequestFault[];
  /** The first re-stream GET after the create has its socket reset before the response headers. */
  resumeResetBeforeHeaders: boolean;
  /** Re-streaming refused by age (restreamMaxAgeMs 0): every resume is a 400, the job polls. */
  restreamRefused: boolean;
  pollAfterMs: number | undefined;
}

/** When the driving process is SIGKILLed (counted from its start). */
export type KillMoment =
  /** This long after it says it is driving. */
  | { after: 'delay'; ms: number }
  /** The instant the server receives its n-th create request: inside that job's create window. */
  | { after: 'create'; n: number }
  /** The instant the server receives its n-th re-stream or poll request. */
  | { after: 'resume-or-poll'; n: number };

export interface BatchSchedule {
  /** Refused creates (429 with Retry-After, 5xx) for whichever create requests come first. */
  createFaults: HttpFault[];
  kills: KillMoment[];
}

const httpFault: fc.Arbitrary<HttpFault> = fc.oneof(
  fc.record({ status: fc.constant(429 as const), retryAfterSeconds: fc.constant(1) }),
  fc.record({ status: fc.constant(429 as const), retryAfterMs: fc.integer({ min: 10, max: 400 }) }),
  fc.record({ status: fc.constantFrom(500 as const, 502 as const, 503 as const) }),
);

function positioned(afterSeq: fc.Arbitrary<number>): fc.Arbitrary<StreamFault> {
  return fc.oneof(
    fc.record({ kind: fc.constant('reset' as const), afterSeq }),
    fc.record({ kind: fc.constant('close-mid-frame' as const), afterSeq }),
    fc.record({ kind: fc.constant('end' as const), afterSeq }),
    fc.record({ kind: fc.constant('stall' as const), afterSeq, stallMs: fc.constant(stallMs) }),
    fc.record({
      kind: fc.constant('error-frame' as const),
      afterSeq,
      shape: fc.constantFrom('flat' as const, 'nested' as const),
      code: fc.constant('server_error'),
      message: fc.constant('The server had an error while processing your request.'),
    }),
  );
}

const createWindowFault: fc.Arbitrary<StreamFault> = fc.oneof(
  fc.constant({ kind: 'reset-before-headers' as const }),
  positioned(fc.constant(-1)),
);

/** Multi-byte text: the answer must come back byte for byte. */
const answerText = fc
  .tuple(
    fc.constantFrom('ünïcödé ', '日本語のテキスト ', '🧠✨👩‍👩‍👧 ', 'e\u0301 a\u0308 ', '| a | b |\n'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  )
  .map(([fixed, random]) => `${fixed}${random} `);

export const jobSchedule: fc.Arbitrary<JobSchedule> = fc
  .record({
    model: fc.constantFrom('gpt-5' as const, 'o3' as const),
    summary: fc.boolean(),
    answer: answerText,
    answerDeltas: fc.integer({ min: 20, max: 150 }),
    deltaChars: fc.integer({ min: 1, max: 6 }),
    timing: fc.record({
      queuedMs: fc.integer({ min: 0, max: 1_000 }),
      thinkMs: fc.integer({ min: 0, max: 3_000 }),
      deltaIntervalMs: fc.integer({ min: 0, max: 80 }),
    }),
    createWindow: fc.oneof(
      { weight: 13, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: createWindowFault },
    ),
    // Positions as fractions of the answer, mapped below onto event numbers that exist.
    streamFaultsAt: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 999 }), positioned(fc.constant(0))),
      { maxLength: 3 },
    ),
    requestFaults: fc.array(
      fc.record({
        on: fc.constantFrom('stream' as const, 'poll' as const),
        fault: httpFault,
        count: fc.integer({ min: 1, max: 2 }),
      }),
      { maxLength: 2 },
    ),
    resumeResetBeforeHeaders: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    restreamRefused: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    pollAfterMs: fc.option(fc.integer({ min: 20, max: 120 }), { freq: 3 }),
  })
  .map(({ streamFaultsAt, pollAfterMs, ...rest }) => ({
    ...rest,
    pollAfterMs: pollAfterMs ?? undefined,
    // Event 0 is response.created; the answer's deltas come after a few more events.
    streamFaults: streamFaultsAt.map(([at, fault]) => ({
      ...fault,
      afterSeq: Math.floor((at / 1000) * (rest.answerDeltas + 6)),
    })),
  }));

const killMoment: fc.Arbitrary<KillMoment> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ after: fc.constant('delay' as const), ms: fc.nat(3_500) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      after: fc.constant('resume-or-poll' as const),
      n: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      after: fc.constant('create' as const),
      n: fc.integer({ min: 1, max: 40 }),
    }),
  },
);

export const batchSchedule: fc.Arbitrary<BatchSchedule> = fc.record({
  createFaults: fc.array(httpFault, { maxLength: 4 }),
  kills: fc.array(killMoment, { minLength: 1, maxLength: 4 }),
});

/** The emulator script of a job's response. */
export function scriptOf(schedule: JobSchedule, index: number): ResponseScriptInput {
  return {
    answer: schedule.answer,
    answerDeltas: schedule.answerDeltas,
    deltaChars: schedule.deltaChars,
    reasoningSummary: schedule.summary ? `Thinking about job ${index} ✓ 考えて` : undefined,
    timing: schedule.timing,
    streamFaults: [
      ...(schedule.createWindow ? [schedule.createWindow] : []),
      ...schedule.streamFaults,
    ],
    ...(schedule.restreamRefused ? { restreamMaxAgeMs: 0 } : {}),
    ...(schedule.pollAfterMs !== undefined ? { pollAfterMs: schedule.pollAfterMs } : {}),
  };
}

const faultName = (f: StreamFault) =>
  f.kind === 'reset-before-headers' ? f.kind : `${f.kind}@${f.afterSeq}`;
const httpName = (f: HttpFault) =>
  'retryAfterSeconds' in f
    ? `${f.status} Retry-After ${f.retryAfterSeconds}s`
    : 'retryAfterMs' in f
      ? `${f.status} retry-after-ms ${f.retryAfterMs}`
      : String(f.status);

/** One line saying what was scheduled for a job, for failure messages. */
export function describeSchedule(s: JobSchedule): string {
  const parts = [
    `${s.model}${s.summary ? '+summary' : ''}, ${s.answerDeltas} deltas`,
    s.createWindow ? `create window: ${faultName(s.createWindow)}` : undefined,
    s.streamFaults.length > 0 ? `stream: ${s.streamFaults.map(faultName).join(' ')}` : undefined,
    ...s.requestFaults.map((r) => `${r.on}: ${httpName(r.fault)} x${r.count}`),
    s.resumeResetBeforeHeaders ? 'resume: reset-before-headers' : undefined,
    s.restreamRefused ? 're-stream refused' : undefined,
  ];
  return parts.filter((p) => p !== undefined).join('; ');
}

export function describeKill(k: KillMoment): string {
  return k.after === 'delay' ? `${k.ms} ms after start` : `at the ${k.after} request #${k.n}`;
}

/** The job a logged create request was for (Mull sends its job id as metadata). */
export function jobIdOf(request: LoggedRequest): string | undefined {
  return (request.body as { metadata?: { mull_job_id?: string } } | undefined)?.metadata
    ?.mull_job_id;
}

/**
 * In-process hooks on the emulator (through `emulator.state`, the documented in-process access):
 * every request is told to the listeners the instant it arrives (before it is answered), and a
 * job's per-response faults are armed synchronously as its response is created, so they are in
 * place before any re-stream or poll of it.
 */
export class EmulatorHooks {
  private readonly listeners = new Set<(entry: LoggedRequest) => void>();

  constructor(emulator: RunningEmulator, schedules: ReadonlyMap<string, JobSchedule>) {
    const state = emulator.state;
    const add = state.log.add.bind(state.log);
    state.log.add = (entry) => {
      const added = add(entry);
      for (const listener of [...this.listeners]) listener(added);
      return added;
    };
    const createResponse = state.createResponse.bind(state);
    state.createResponse = (request) => {
      const run = createResponse(request);
      const jobId = request.metadata.mull_job_id;
      const schedule = jobId === undefined ? undefined : schedules.get(jobId);
      if (!schedule) return run;
      for (const { on, fault, count } of schedule.requestFaults) {
        state.faults.add({ ...fault, on: [on], count, responseId: run.id });
      }
      if (schedule.resumeResetBeforeHeaders && !schedule.createWindow) {
        // After the create stream took its own header fault (synchronously, right after this
        // returns): the next request answering with this response is a re-stream GET.
        queueMicrotask(() => run.pendingStreamFaults.push({ kind: 'reset-before-headers' }));
      }
      return run;
    };
  }

  /** Calls `listener` for every API request as it arrives, until the returned function is called. */
  onRequest(listener: (entry: LoggedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
