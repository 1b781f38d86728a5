// The one contract between the renderer and the main process, for both transports (Electron IPC
// through the preload, and the loopback web host). Every request channel has a schema for its
// request and its response; every event the main process pushes has one too. Nothing here can
// carry a secret to the renderer: a key's status is "set, ending in abcd" at most.
import { z } from 'zod';
import { Job, JobEvent, JobId, NewJob, ReasoningEffort, ReasoningSummaryMode } from '../job.js';
import { JobPage, JobQuery, JobSearchHit } from '../job-query.js';
import { JobSummary } from '../job-summary.js';
import { JobTemplate } from '../job-template.js';
import { BudgetAmount } from '../budget.js';
import { defaultModelId, ModelInfo, PriceOverrides } from '../models.js';
import { OutputItem } from '../output-items.js';
import { defaultOpenAIProvider, ProviderConfig } from '../provider.js';

const Empty = z.object({}).strict();
const ById = z.object({ id: JobId }).strict();
const Ok = z.object({ ok: z.literal(true) });

export const KeyStatus = z.discriminatedUnion('set', [
  z.object({
    set: z.literal(false),
    /** Why there is none, when Mull removed it ("... because its address changed ..."). */
    note: z.string().max(500).optional(),
  }),
  z.object({
    set: z.literal(true),
    /** The key's last four characters, for "set, ending in abcd"; never more of it. */
    last4: z.string().max(4),
    /** `session`: kept in the main process's memory for this run only (no keychain). */
    source: z.enum(['keychain', 'environment', 'session']),
  }),
]);
export type KeyStatus = z.infer<typeof KeyStatus>;

const TextMarkSchema = z.object({
  length: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});

export const JobDetail = z.object({
  job: Job,
  /** The timeline: submitted, created, started, reconnects, polling, finished... */
  events: z.array(JobEvent),
  /** Every job of the same conversation (follow-ups), oldest first. */
  thread: z.array(JobSummary),
  /** The response's output items in order (shared/output-items.ts); empty before any. */
  items: z.array(OutputItem),
  /**
   * The texts the request said it holds, left out (empty in `job`, spans in `items`): see
   * known-text.ts. Absent when nothing was left out.
   */
  kept: z.object({ answer: z.boolean(), reasoningSummary: z.boolean() }).optional(),
});
export type JobDetail = z.infer<typeof JobDetail>;

export const FollowUp = z
  .object({
    id: JobId,
    prompt: z.string().min(1, 'The follow-up is empty.').max(1_000_000),
    model: z.string().min(1).optional(),
    effort: ReasoningEffort.optional(),
    reasoningSummary: ReasoningSummaryMode.optional(),
    maxOutputTokens: z.number().int().min(16).optional(),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

/** A background response to store as a job, by its id (or to resolve a job of unknown fate). */
export const AttachRequest = z
  .object({
    responseId: z.string().trim().min(1, 'The response id is empty.').max(500),
    /** Where the response lives; default: the unknown job's provider, else the default one. */
    providerId: z.string().min(1).max(64).optional(),
    title: z.string().max(500).optional(),
    /** The job of unknown fate this response resolves. */
    jobId: JobId.optional(),
  })
  .strict();
export type AttachRequest = z.input<typeof AttachRequest>;

export const ExportRequest = z.object({ id: JobId, format: z.enum(['markdown', 'json']) }).strict();
export const ExportedFile = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const AppSettings = z.object({
  /** Desktop notifications when a job ends. */
  notifications: z.boolean(),
  defaultModel: z.string().min(1),
  defaultProviderId: z.string().min(1),
  /** Instructions (a system prompt) the composer starts a new job with; '' for none. */
  defaultInstructions: z.string().max(100_000),
  /** What may be spent per calendar month (USD); null for no budget. */
  monthlyBudgetUsd: BudgetAmount,
  /** The most one job may cost by its upper estimate before a submit asks first; null for none. */
  perJobCapUsd: BudgetAmount,
  priceOverrides: PriceOverrides,
});
export type AppSettings = z.infer<typeof AppSettings>;

/** The settings before a person changes any. */
export const defaultAppSettings: AppSettings = {
  notifications: true,
  defaultModel: defaultModelId,
  defaultProviderId: defaultOpenAIProvider.id,
  defaultInstructions: '',
  monthlyBudgetUsd: null,
  perJobCapUsd: null,
  priceOverrides: {},
};

/** The budgets and this month's spend, for the composer's budget line (see shared/budget.ts). */
export const BudgetStatus = z.object({
  monthlyBudgetUsd: BudgetAmount,
  perJobCapUsd: BudgetAmount,
  /** The cost of jobs that finished this local calendar month, deleted ones included. */
  spentThisMonthUsd: z.number().min(0),
});
export type BudgetStatus = z.infer<typeof BudgetStatus>;

export const ModelCatalog = z.object({
  /** Built-in models with prices after the person's overrides. */
  models: z.array(ModelInfo),
});

export const ConnectionTest = z.object({
  ok: z.boolean(),
  /** One readable sentence: what worked, or what is wrong and what to do. */
  message: z.string(),
  /** The key's status as the test found it, so the status shown beside the result agrees. */
  keyStatus: KeyStatus.optional(),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

export const SpendSummary = z.object({
  today: z.number(),
  thisMonth: z.number(),
  /** The last 30 days with any spend, newest first. Days are local dates (YYYY-MM-DD). */
  perDay: z.array(z.object({ day: z.string(), cost: z.number(), jobs: z.number().int() })),
  perModel: z.array(z.object({ model: z.string(), cost: z.number(), jobs: z.number().int() })),
  /** Jobs whose cost is unknown (no price for their model): not in the sums. */
  unpricedJobs: z.number().int(),
});
export type SpendSummary = z.infer<typeof SpendSummary>;

export const AppInfo = z.object({
  version: z.string(),
  /** Where the app runs: the desktop app, a browser through the web host, or the demo. */
  mode: z.enum(['electron', 'web', 'demo']),
  dataDir: z.string(),
  /** False when another process (the CLI's `mull run`) drives the jobs of this data directory. */
  driving: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A job as the composer sends it: without a provider, the default provider in Settings. */
export const SubmittedJob = NewJob.extend({ providerId: z.string().min(1).optional() });

/** The most jobs one `jobs:submit` takes (the composer says so before it sends more). */
export const maxJobsPerSubmit = 50;

export const requests = {
  'jobs:submit': {
    req: z.object({ jobs: z.array(SubmittedJob).min(1).max(maxJobsPerSubmit) }).strict(),
    res: z.object({ jobs: z.array(Job) }),
  },
  'jobs:list': { req: JobQuery, res: JobPage },
  'jobs:get': {
    req: z
      .object({
        id: JobId,
        /** The texts the page holds already (known-text.ts): left out when they match. */
        known: z.object({ answer: TextMarkSchema, reasoningSummary: TextMarkSchema }).optional(),
      })
      .strict(),
    res: JobDetail,
  },
  'jobs:cancel': { req: ById, res: Job },
  'jobs:retry': { req: ById, res: Job },
  /** A flex job waiting for capacity is sent at the standard tier instead (refused otherwise). */
  'jobs:useStandardTier': { req: ById, res: Job },
  'jobs:followUp': { req: FollowUp, res: Job },
  /** Store a background response by its id; refused with one sentence, storing nothing. */
  'jobs:attach': { req: AttachRequest, res: Job },
  'jobs:delete': { req: ById, res: Ok },
  'jobs:search': {
    req: z
      .object({ words: z.string().max(1000), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    res: z.array(JobSearchHit),
  },
  'jobs:export': { req: ExportRequest, res: ExportedFile },
  'jobs:spend': { req: Empty, res: SpendSummary },
  'budget:get': { req: Empty, res: BudgetStatus },
  'models:list': { req: Empty, res: ModelCatalog },
  'providers:list': { req: Empty, res: z.array(ProviderConfig) },
  'providers:save': { req: ProviderConfig, res: ProviderConfig },
  'providers:remove': { req: z.object({ id: z.string().min(1) }).strict(), res: Ok },
  'templates:list': { req: Empty, res: z.array(JobTemplate) },
  /** Adds a template, or replaces the one of the same name (ignoring case). */
  'templates:save': { req: JobTemplate.strict(), res: JobTemplate },
  'templates:remove': { req: z.object({ name: z.string().min(1).max(200) }).strict(), res: Ok },
  'settings:get': { req: Empty, res: AppSettings },
  'settings:update': { req: AppSettings.partial().strict(), res: AppSettings },
  'keys:status': { req: z.object({ providerId: z.string().min(1) }).strict(), res: KeyStatus },
  'keys:set': {
    req: z
      .object({
        providerId: z.string().min(1),
        key: z.string().min(1).max(1000),
        /** Keep the key in memory for this run only, not in the keychain (none is available). */
        sessionOnly: z.boolean().optional(),
      })
      .strict(),
    res: KeyStatus,
  },
  'keys:clear': { req: z.object({ providerId: z.string().min(1) }).strict(), res: KeyStatus },
  'keys:test': { req: z.object({ providerId: z.string().min(1) }).strict(), res: ConnectionTest },
  'app:info': { req: Empty, res: AppInfo },
  /** Open a link in the OS browser (only https: links pass). */
  'app:openExternal': { req: z.object({ url: z.string().max(4000) }).strict(), res: Ok },
} satisfies Record<string, { req: z.ZodType; res: z.ZodType }>;

/** Text appended at `from` (see `jobs:text`). */
export const TextAppend = z.object({
  from: z.number().int().min(0),
  append: z.string(),
});
export type TextAppend = z.infer<typeof TextAppend>;

export const events = {
  /** A job's stored state changed (already on disk); the newer revision wins. */
  'jobs:changed': z.object({ job: JobSummary }),
  /**
   * Text a job's answer and reasoning summary gained, pushed before the `jobs:changed` of the same
   * revision so an open job view never asks for the whole job while it streams. Each part is what
   * was appended at `from` (a length in UTF-16 code units): a view holding exactly `from` code
   * units appends, one holding another length has missed some and asks again. `from: 0` replaces
   * the whole text (the server's final text differed from the streamed one).
   */
  'jobs:text': z.object({
    id: JobId,
    revision: z.number().int().min(0),
    answer: TextAppend,
    reasoningSummary: TextAppend,
  }),
  /** A job reached a terminal status (also found after a restart or a wake). */
  'jobs:terminal': z.object({ job: JobSummary }),
  /** A job was deleted (possibly from another window). */
  'jobs:deleted': z.object({ id: JobId }),
  /** This month's spend reached 80 % or 100 % of the monthly budget (said once per month each). */
  'budget:reached': z.object({
    percent: z.union([z.literal(80), z.literal(100)]),
    spentUsd: z.number().min(0),
    budgetUsd: z.number().positive(),
  }),
  /** The person asked to see a job (e.g. clicked its notification). */
  'app:showJob': z.object({ id: JobId }),
} satisfies Record<string, z.ZodType>;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends RequestChannel> = z.input<(typeof requests)[C]['req']>;
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requests)[C]['req']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requests)[C]['res']>;
export type EventOf<E extends EventChannel> = z.output<(typeof events)[E]>;

/** What the main process implements: a missing handler is a compile error. */
export type Handlers = {
  [C in RequestChannel]: (req: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];
