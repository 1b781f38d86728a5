// Patching a cached job view (`jobs:get`) from events. The open job's own text is refetched
// (events carry only summaries); what a summary can fix right away is the thread: a follow-up
// appears, and the other jobs of the conversation move on, each only to a newer revision.
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { JobSummary } from '../../../shared/job-query.js';

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

/** A fetched detail, unless the cache already holds a newer revision of the job. */
export function newerDetail(cached: JobDetail | undefined, fetched: JobDetail): JobDetail {
  return cached && cached.job.revision > fetched.job.revision ? cached : fetched;
}
