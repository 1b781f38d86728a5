// Patching a cached job view (`jobs:get`) from events. The job's text moves with `jobs:text`
// (appended in order; a gap means something was missed and the view asks again), its other fields
// with the summaries of `jobs:changed`, so the view and the board row never disagree. What a
// summary does not carry (the timeline, the output items) is asked for again when they can have
// changed: the status or the output digest moved, or the summary is newer than the text told.
// The thread moves with summaries too: a follow-up appears, and the other jobs of the conversation
// move on, each only to a newer revision.
import type { EventOf, JobDetail, TextAppend } from '../../../shared/ipc/contract.js';
import type { Job } from '../../../shared/job.js';
import { type JobSummary } from '../../../shared/job-summary.js';

export function upsertJobInThread(detail: JobDetail, job: JobSummary): JobDetail {
  if (job.threadId !== detail.job.threadId) return detail;
  const cached = detail.thread.find((other) => other.id === job.id);
  if (cached && cached.revision >= job.revision) return detail;
  const thread = [...detail.thread.filter((other) => other.id !== job.id), job].sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ...detail, thread };
}

export function removeJobFromThread(detail: JobDetail, id: string): JobDetail {
  if (!detail.thread.some((job) => job.id === id)) return detail;
  return { ...detail, thread: detail.thread.filter((job) => job.id !== id) };
}

function appended(text: string, part: TextAppend): string | undefined {
  if (part.from === 0) return part.append;
  if (part.from !== text.length) return undefined;
  return part.append === '' ? text : text + part.append;
}

/**
 * The detail with the text of a `jobs:text` applied (its revision then is the event's): the same
 * detail for an event it already covers, 'gap' when the text it holds is not where the event
 * starts (an event was missed: ask again).
 */
export function withText(detail: JobDetail, event: EventOf<'jobs:text'>): JobDetail | 'gap' {
  const { job } = detail;
  if (event.id !== job.id || event.revision <= job.revision) return detail;
  const answer = appended(job.answer, event.answer);
  const reasoningSummary = appended(job.reasoningSummary, event.reasoningSummary);
  if (answer === undefined || reasoningSummary === undefined) return 'gap';
  return { ...detail, job: { ...job, answer, reasoningSummary, revision: event.revision } };
}

/**
 * The detail with a summary of its own job applied (a newer or the same revision), and whether
 * the view must be asked for again: the summary is newer than the text it holds (no `jobs:text`
 * came for it: another process drives the job, or a request's answer overtook the event), or the
 * status or the output digest changed (the timeline and the items move with them; at the end the
 * final items, usage and timeline).
 */
export function withSummary(
  detail: JobDetail,
  summary: JobSummary,
): { detail: JobDetail; refetch: boolean } {
  const { job } = detail;
  if (summary.id !== job.id || summary.revision < job.revision) return { detail, refetch: false };
  const { answerPreview: _preview, ...fields } = summary;
  const merged: Job = { ...job, ...fields };
  const refetch =
    summary.revision > job.revision ||
    summary.status !== job.status ||
    JSON.stringify(summary.outputDigest) !== JSON.stringify(job.outputDigest);
  return { detail: { ...detail, job: merged }, refetch };
}

/**
 * A fetched detail against what the cache holds now (events may have moved it on while the
 * request was out): the newer job of the two, the fetched timeline and items, and per job of the
 * thread the newer summary.
 */
export function mergeFetched(cached: JobDetail | undefined, fetched: JobDetail): JobDetail {
  if (!cached || cached.job.id !== fetched.job.id) return fetched;
  const job = cached.job.revision > fetched.job.revision ? cached.job : fetched.job;
  const thread = cached.thread.reduce(
    (merged, summary) => upsertJobInThread({ ...fetched, job, thread: merged }, summary).thread,
    fetched.thread,
  );
  return { ...fetched, job, thread };
}
