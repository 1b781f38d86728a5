// `mull submit`: store a job and get it to the server. With no driver running, the job is sent
// from here and left running on the server (background mode needs no local process); with one
// running (the app, `mull run --watch`), it is only stored and that driver sends it.
import { randomUUID } from 'node:crypto';
import {
  NewJob,
  ReasoningEffort,
  ReasoningSummaryMode,
  type Job,
  type JobStatus,
} from '../../../shared/job.js';
import { checkJobTools, defaultModelId } from '../../../shared/models.js';
import type { JobManager } from '../../core/engine/index.js';
import { UsageError, exitCodes, zodSentence } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { outcomeSentence, shortId, unknownHint } from '../job-format.js';
import { oneOf, wholeNumber } from '../option-values.js';
import { readInstructions, readPrompt } from '../prompt-source.js';
import { providerNamed, reasonIn, unreachableSentence } from '../provider-names.js';
import type { CliSession } from '../session.js';
import { providerForBaseUrl } from '../url-provider.js';
import { pollUntil } from '../job-waiting.js';
import { toolFlagOptions, toolFlagsHelp, toolsFromFlags } from '../tool-flags.js';
import { attachFlagHelp, attachedFiles } from '../attach-flag.js';
import { flexFlagHelp, flexTierFor, flexWaitSentence } from '../flex-flag.js';
import { budgetFlagHelp, refuseOverBudget } from '../budget-flag.js';
import { waitsForFlexCapacity } from '../../../shared/tier-price.js';
import {
  filledTemplate,
  saveTemplate,
  templateFlagOptions,
  templateFlagsHelp,
  templateNamed,
  templateVars,
} from '../template-flags.js';

/** How often a submit that stored its job for another driver checks on it (and on the lock). */
const takeoverPollMs = 150;

const failedAtOnce: ReadonlySet<JobStatus> = new Set(['failed', 'unknown', 'needs_key', 'expired']);

export const submitCommand = defineCommand({
  name: 'submit',
  help: `Usage: mull submit [options] [PROMPT | -f FILE | -]

Sends the prompt as a background job and prints the job's id. With no Mull driver running, the
request is sent from here and the server works on with no local process ('mull run' or 'mull wait'
collects the answer later); with one running (the app, 'mull run --watch'), the job is stored and
that driver sends it.

Options:
  -m, --model M              model (default: ${defaultModelId}); several, comma-separated
                             (--model gpt-5-pro,o3-pro), send the prompt to each as one
                             comparison, seen side by side in the app
  --effort E                 reasoning effort: ${ReasoningEffort.options.join(', ')}
  --summary S                reasoning summary: ${ReasoningSummaryMode.options.join(', ')}
  --max-output-tokens N      cap on output tokens, reasoning included
  --title T                  title shown in lists (default: the prompt's first line)
  --instructions TEXT        instructions for the model (a system prompt); kept with the job
                             and carried to its follow-ups
  --instructions-file F      the instructions read from file F
${flexFlagHelp}
${budgetFlagHelp}
  --provider P               a provider configured in the app (default: openai)
  --base-url URL             send to this Responses API server (also: $OPENAI_BASE_URL)
  -f, --file FILE            read the prompt from FILE ('-' for stdin)
  -                          read the prompt from stdin

${toolFlagsHelp}

${templateFlagsHelp}

Attachments:
${attachFlagHelp}

The API key comes from $OPENAI_API_KEY, else the OS keychain (set it in the app's Settings).`,
  options: {
    model: { type: 'string', short: 'm' },
    effort: { type: 'string' },
    summary: { type: 'string' },
    'max-output-tokens': { type: 'string' },
    title: { type: 'string' },
    instructions: { type: 'string' },
    'instructions-file': { type: 'string' },
    flex: { type: 'boolean' },
    'over-budget': { type: 'boolean' },
    provider: { type: 'string' },
    'base-url': { type: 'string' },
    file: { type: 'string', short: 'f' },
    ...toolFlagOptions,
    ...templateFlagOptions,
    attach: { type: 'string', multiple: true },
  },
  positionals: { min: 0, max: 1, name: 'PROMPT (quote it: \'mull submit "..."\')' },
  async run(session, { values, positionals }) {
    if (values.provider !== undefined && values['base-url'] !== undefined) {
      throw new UsageError('Give --provider or --base-url, not both');
    }
    const template =
      values.template === undefined ? undefined : await templateNamed(session, values.template);
    if (template && values['save-template'] !== undefined) {
      throw new UsageError('Give --template or --save-template, not both');
    }
    if (template && (positionals[0] !== undefined || values.file !== undefined)) {
      throw new UsageError('Give a prompt or --template, not both: the template holds the prompt');
    }
    const given = await readInstructions(values.instructions, values['instructions-file']);
    const filled = template && filledTemplate(template, templateVars(values.var));
    const prompt =
      filled?.prompt ??
      (await readPrompt({ positional: positionals[0], file: values.file }, session.io.stdin));
    const instructions = given ?? filled?.instructions;
    const models = values.model ? modelList(values.model) : (template?.models ?? [defaultModelId]);
    const effort = oneOf('--effort', values.effort, ReasoningEffort.options) ?? template?.effort;
    const chosenTools = toolsFromFlags(values) ?? template?.tools;
    const flex = values.flex ?? template?.serviceTier === 'flex';
    const attached = attachedFiles(session.dataDir, values.attach);
    const attachments = attached.length > 0 ? attached : template?.attachments;
    // Several models make one comparison: their jobs share a group id.
    const groupId = models.length > 1 ? randomUUID() : undefined;
    // Every job is checked before any is stored: a refusal is a usage error, nothing stored or sent.
    const inputs = models.map((model) => {
      const tools = checkJobTools(model, chosenTools);
      if ('refused' in tools) throw new UsageError(tools.refused);
      return parseNewJob({
        prompt,
        title: values.title,
        instructions,
        model,
        groupId,
        tools: tools.tools ?? undefined,
        serviceTier: flexTierFor(model, flex),
        attachments,
        effort,
        reasoningSummary: oneOf('--summary', values.summary, ReasoningSummaryMode.options),
        maxOutputTokens: wholeNumber('--max-output-tokens', values['max-output-tokens'], {
          min: 16,
          max: Number.POSITIVE_INFINITY,
        }),
      });
    });
    if (values['save-template'] !== undefined) {
      const saved = await saveTemplate(session, {
        name: values['save-template'],
        prompt,
        instructions,
        models,
        effort,
        tools: chosenTools,
        ...(flex && { serviceTier: 'flex' as const }),
        attachments,
      });
      if (session.json) session.printJson(saved);
      else session.say(`mull: saved template '${saved.name}'; nothing was sent.`);
      return exitCodes.ok;
    }
    const baseUrl =
      values['base-url'] ?? (values.provider ? undefined : session.io.env.OPENAI_BASE_URL);

    const driver = await session.tryOpenDriver();
    const manager = driver ?? (await session.openReader());
    try {
      // Checked before anything is stored: submitDetached looks the provider up only after storing
      // the job, leaving a row no driver can run.
      const providerId = baseUrl
        ? providerForBaseUrl(
            manager.settings,
            baseUrl,
            values['base-url'] === undefined ? 'OPENAI_BASE_URL' : '--base-url',
          ).id
        : providerNamed(manager.settings, values.provider ?? 'openai').id;
      refuseOverBudget(manager, inputs, values['over-budget']);
      const jobs: Job[] = [];
      let exitCode: number = exitCodes.ok;
      for (const input of inputs) {
        const job = driver
          ? await submitFromHere(session, driver, { ...input, providerId })
          : await storeForDriver(session, manager, { ...input, providerId });
        // The job may have been sent by another process, or by this one after that one let go.
        const sentHere = driver !== undefined || !manager.events(job.id).some(isDisconnect);
        // With --json, one job prints as an object; a comparison as an array, after the last.
        const printJob = !session.json || inputs.length === 1;
        exitCode = Math.max(exitCode, report(session, manager, job, sentHere, printJob));
        jobs.push(job);
      }
      if (session.json && inputs.length > 1) session.printJson(jobs);
      return exitCode;
    } finally {
      await manager.close();
    }
  },
});

/** The models of `--model a,b`: each named once, in order; an empty name is a usage error. */
export function modelList(text: string): string[] {
  const names = text.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new UsageError(`--model '${text}' has an empty model name; give e.g. gpt-5-pro,o3-pro`);
  }
  return [...new Set(names)];
}

/** The prompt and parameters checked the way the engine will check them, as a usage error. */
function parseNewJob(input: Record<string, unknown>): NewJob {
  const parsed = NewJob.safeParse(input);
  if (!parsed.success) throw new UsageError(zodSentence(parsed.error));
  return parsed.data;
}

async function submitFromHere(
  session: CliSession,
  manager: JobManager,
  input: NewJob,
): Promise<Job> {
  // A create the server refuses for now (429, 5xx) is sent again after a backoff, for as long as
  // it takes: said as it is sent again. Ctrl-C is safe then: the job stays stored, not sent. A
  // server that cannot be reached at all is not tried again from here (see report).
  let told = false;
  let refused: string | undefined;
  const unsubscribe = manager.onChange(({ job }) => {
    if (job.status === 'pending') {
      const last = manager.events(job.id).at(-1);
      if (last?.kind === 'disconnected') refused = last.detail ?? '';
      return;
    }
    if (job.status !== 'submitting' || refused === undefined) return;
    session.say(
      `mull: the server did not take the job yet${refused ? ` (${refused})` : ''}; trying again.`,
    );
    if (!told) session.say("mull: Ctrl-C stops; the job stays stored and 'mull run' sends it.");
    told = true;
    refused = undefined;
  });
  try {
    const job = await manager.submitDetached(input);
    // Submits that ran at the same time found this process holding the lock and stored their
    // jobs for it: send them too before letting go, or they would wait for the next holder.
    if (job.responseId !== null) await manager.sendPendingDetached();
    return job;
  } finally {
    unsubscribe();
  }
}

/**
 * Another process holds the driver lock: store the job for it, then make sure it goes out. A
 * driver that stays (the app, `mull run --watch`) takes it within a second; one that is about to
 * exit (another `mull submit`) may not, so when the lock comes free this process sends the job
 * itself. Nothing crosses between processes but the database, hence the polling.
 */
async function storeForDriver(
  session: CliSession,
  reader: JobManager,
  input: NewJob,
): Promise<Job> {
  const [stored] = reader.submit(input);
  if (!stored) throw new Error('The job was not stored.');
  session.say(
    `mull: another Mull process drives ${session.dataDir}; job ${shortId(stored.id)} is stored for it to send.`,
  );
  const takeover: { driver?: JobManager } = {};
  // Done once the server has it (or it settled), or once the driver has tried it (a timeline entry
  // after "submitted": it keeps trying, e.g. while the server is down). A job that is only being
  // sent may yet fall back to pending if the process sending it exits first.
  const reached = (job: Job) =>
    (job.status !== 'pending' && job.status !== 'submitting') ||
    reader.events(job.id).some((event) => event.kind !== 'submitted');
  const seen = await pollUntil(reader, stored.id, reached, {
    intervalMs: takeoverPollMs,
    stopEarly: async () => (takeover.driver = await session.tryOpenDriver()) !== undefined,
  });
  const driver = takeover.driver;
  if (!driver) {
    return seen;
  }
  try {
    const now = driver.get(stored.id) ?? seen;
    if (reached(now)) return now;
    session.say('mull: that process has let go of the jobs; sending them from here.');
    await driver.sendPendingDetached();
    return driver.get(stored.id) ?? seen;
  } finally {
    await driver.close();
  }
}

function isDisconnect(event: { kind: string }): boolean {
  return event.kind === 'disconnected';
}

function report(
  session: CliSession,
  manager: JobManager,
  job: Job,
  sentHere: boolean,
  printJob: boolean,
): number {
  if (!session.json) session.out(`${job.id}\n`);
  else if (printJob) session.printJson(job);
  if (waitsForFlexCapacity(job)) {
    session.say(flexWaitSentence(shortId(job.id), sentHere));
    return sentHere ? exitCodes.failure : exitCodes.ok;
  }
  if (job.status === 'pending' && manager.events(job.id).some(isDisconnect)) {
    // Back to pending after a try: the create never reached the server (refused connection, no
    // such host, no network), so it is safe to send again later.
    const why = reasonIn(manager.events(job.id).at(-1)?.detail);
    const sentence = unreachableSentence(manager.settings.provider(job.providerId), why);
    if (!sentHere) {
      session.say(
        `mull: ${sentence}; the driving process keeps trying to send job ${shortId(job.id)}.`,
      );
      return exitCodes.ok;
    }
    session.say(`mull: ${sentence}; job ${shortId(job.id)} is stored, and 'mull run' sends it.`);
    return exitCodes.failure;
  }
  if (failedAtOnce.has(job.status)) {
    session.say(`mull: ${outcomeSentence(job)}`);
    if (job.status === 'unknown') session.say(unknownHint(job));
    return exitCodes.failure;
  }
  if (job.responseId !== null && job.status !== 'completed') {
    session.say(
      `mull: job ${shortId(job.id)} is running on the server; 'mull wait ${shortId(job.id)}' or 'mull run' collects the answer.`,
    );
  }
  return exitCodes.ok;
}
