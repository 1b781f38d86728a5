// Attaching a response id: how a person resolves a job of unknown fate (its create left, its id
// never came back), or brings in a background response started by another tool. The server is
// asked first; nothing is stored unless it knows the id. A terminal response is stored at once
// with its usage and cost; a running one is driven like any job (re-streamed from the start of
// its log when the server allows it, else polled).
import { findModel } from '../../../shared/models.js';
import type { Job, JobId } from '../../../shared/job.js';
import { classifyFailure, missingKeyIn } from '../provider/failure.js';
import { redactKeys } from '../secrets/redact-keys.js';
import type { ResponsesClient, ServerResponse } from '../provider/responses-client.js';
import type { JobPatch, JobStore } from '../store/index.js';
import { finalStateOf, isTerminalResponse } from './final-state.js';
import type { JobWriter } from './job-writer.js';
import { newJobRecord } from './new-job-record.js';
import type { EngineSettings } from './settings.js';

/** A refusal with one sentence for the person; nothing was stored. */
export class AttachRefused extends Error {
  // The sentence can quote the server, which can quote the key: it is masked like stored text.
  constructor(sentence: string) {
    super(redactKeys(sentence));
  }
}

export interface AttachInput {
  responseId: string;
  /** The provider the response lives on (default: the unknown job's, else `openai`). */
  providerId?: string;
  title?: string;
  /** A job of unknown fate that this response resolves. */
  jobId?: JobId;
}

export interface AttachDeps {
  store: JobStore;
  writer: JobWriter;
  settings: EngineSettings;
  clientFor(providerId: string): ResponsesClient;
  now(): number;
  /** How long to wait for the server's answer. */
  timeoutMs: number;
}

// Real ids look like resp_0a63...; Azure and compatible servers use similar shapes. Anything with
// spaces, slashes or query characters would be joined into a URL: refuse it before asking.
const plausibleId = /^[A-Za-z0-9][A-Za-z0-9_.:-]{2,199}$/;

/** Asks the server for `input.responseId` and stores it as a job; returns the stored job. */
export async function attachResponse(input: AttachInput, deps: AttachDeps): Promise<Job> {
  const responseId = input.responseId.trim();
  if (!plausibleId.test(responseId)) {
    const shown = responseId.length > 60 ? `${responseId.slice(0, 60)}…` : responseId;
    throw new AttachRefused(
      `'${shown}' is not a response id: they look like resp_ followed by letters and digits.`,
    );
  }
  let target = checkTarget(input.jobId, responseId, deps.store);
  const providerId = input.providerId ?? target?.providerId ?? 'openai';
  const provider = deps.settings.provider(providerId);
  const response = await fetchResponse(
    deps.clientFor(provider.id),
    responseId,
    provider.label,
    deps,
  );
  // Checked again after the wait: the same id may have been attached meanwhile (a second click,
  // another process), or the job resolved or deleted; the store's unique index would otherwise
  // turn the second attach into an internal error.
  target = checkTarget(input.jobId, responseId, deps.store);
  const now = deps.now();
  const submittedAt = response.created_at > 0 ? Math.round(response.created_at * 1000) : now;
  const base: Job =
    target ??
    newJobRecord(
      {
        prompt: `Response ${responseId}, attached from ${provider.label}.`,
        title: input.title ?? `Attached ${responseId}`,
        model: findModel(response.model)?.id ?? response.model,
        providerId: provider.id,
        instructions: typeof response.instructions === 'string' ? response.instructions : undefined,
      },
      {},
      now,
    );
  const title = input.title?.trim();
  const final = isTerminalResponse(response)
    ? finalStateOf(
        response,
        { answer: '', reasoningSummary: '', items: [] },
        false,
        deps.settings.price(base.model),
        now,
        base.model,
      )
    : undefined;
  const patch: JobPatch = {
    ...(target && title ? { title } : {}),
    providerId: provider.id,
    responseId,
    resolvedModel: response.model,
    serverStatus: response.status ?? null,
    cursor: -1,
    answer: '',
    reasoningSummary: '',
    outputDigest: null,
    error: null,
    submittedAt: base.submittedAt ?? submittedAt,
    ...(final
      ? final.patch
      : { status: response.status === 'in_progress' ? 'in_progress' : 'queued' }),
  };
  const entry = { kind: 'attached' as const, detail: responseId };
  // A running response is re-streamed from the start of its log: its items come with the stream.
  const items = { replace: final?.items ?? [] };
  return target
    ? deps.writer.write(target.id, patch, entry, items)
    : deps.writer.insert({ ...base, ...patch }, entry, items);
}

/** The unknown job `jobId` names (refused unless it is one), after refusing an id already attached. */
function checkTarget(
  jobId: JobId | undefined,
  responseId: string,
  store: JobStore,
): Job | undefined {
  const target = jobId === undefined ? undefined : store.get(jobId);
  if (jobId !== undefined) {
    if (!target) throw new AttachRefused(`There is no job '${jobId}'.`);
    if (target.status !== 'unknown') {
      throw new AttachRefused(
        'Only a job of unknown fate can be given a response id; this one is known.',
      );
    }
  }
  const already = store.getByResponseId(responseId);
  if (already) {
    throw new AttachRefused(
      `Response ${responseId} is already attached, as job ${already.id.slice(0, 8)} ("${already.title}").`,
    );
  }
  return target;
}

async function fetchResponse(
  client: ResponsesClient,
  responseId: string,
  providerLabel: string,
  deps: AttachDeps,
): Promise<ServerResponse> {
  const signal = AbortSignal.timeout(deps.timeoutMs);
  try {
    return (await client.poll(responseId, signal)).response;
  } catch (error) {
    if (signal.aborted) {
      throw new AttachRefused(
        `${providerLabel} did not answer within ${Math.round(deps.timeoutMs / 1000)} s, so nothing was attached: try again.`,
      );
    }
    const failure = classifyFailure(error, 'poll');
    switch (failure.kind) {
      case 'expired':
        throw new AttachRefused(
          `${providerLabel} does not know response ${responseId} (check the id and the provider); nothing was attached.`,
        );
      case 'permanent':
        throw new AttachRefused(`${failure.message} Nothing was attached.`);
      case 'needs_key': {
        const missing = missingKeyIn(error);
        throw new AttachRefused(
          missing?.unavailable !== undefined
            ? `The API key of ${providerLabel} could not be read, so nothing was attached: ${missing.unavailable}`
            : missing
              ? `No API key is set for ${providerLabel}, so nothing was attached: enter one in Settings (or set OPENAI_API_KEY), then try again.`
              : `${providerLabel} refused the API key (HTTP 401), so nothing was attached: enter a valid key in Settings (or set OPENAI_API_KEY), then try again.`,
        );
      }
      default: {
        if (hasHttpStatus(error)) {
          throw new AttachRefused(
            `${providerLabel} could not be asked about ${responseId} (${failure.reason.replace(/\.$/, '')}); nothing was attached.`,
          );
        }
        // No answer at all: the connection failed (a wrong base URL, no network).
        const why = /^connection lost \((.*)\)$/.exec(failure.reason)?.[1] ?? failure.reason;
        throw new AttachRefused(
          `${providerLabel} could not be reached (${why.replace(/\.$/, '')}), so nothing was attached: check its base URL and the network, then try again.`,
        );
      }
    }
  }
}

/** The server answered with an error status (the SDK's APIError); else the connection failed. */
function hasHttpStatus(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
