// The open job: `jobs:get` (prompt, answer, reasoning summary, timeline, thread, items). Events
// keep it current (job-cache-patcher.ts): text is pushed and appended, the job's fields come with
// its summaries, and the view is asked for again only on a gap, when its timeline or items can
// have moved (a new status, a new output digest: the end of the job among them), or when it was
// left stale while closed. A fetch says which texts the page holds, so the backend leaves them out
// (shared/ipc/known-text.ts): a finished 2 MB answer is not downloaded again when it ends.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { JobDetail, RequestOf } from '../../../shared/ipc/contract.js';
import { restoreItemTexts, textMark } from '../../../shared/ipc/known-text.js';
import type { MullApi } from '../../../shared/ipc/envelope.js';
import type { JobId } from '../../../shared/job.js';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';
import { mergeFetched } from './job-detail-cache.js';
import { queryKeys } from './query-keys.js';

/** Fetches again (at most this many times) while events tell of revisions newer than the answer. */
const maxCatchUps = 3;

/** What the cached detail holds, for `known`, and the texts to put back when left out. */
function knownOf(cached: JobDetail | undefined) {
  if (!cached) return undefined;
  const { answer, reasoningSummary } = cached.job;
  const known: RequestOf<'jobs:get'>['known'] = {
    answer: textMark(answer),
    reasoningSummary: textMark(reasoningSummary),
  };
  return { known, texts: { answer, reasoningSummary } };
}

async function fetchDetail(api: MullApi, id: JobId, cached: JobDetail | undefined) {
  const held = knownOf(cached);
  const fetched = await api.invoke('jobs:get', { id, known: held?.known });
  const { kept, ...detail } = fetched;
  if (!kept || !held) return detail;
  const items = restoreItemTexts(detail.items, held.texts);
  // A left-out part the page cannot put back (never expected): ask for the whole job.
  if (!items) return api.invoke('jobs:get', { id });
  return {
    ...detail,
    job: {
      ...detail.job,
      answer: kept.answer ? held.texts.answer : detail.job.answer,
      reasoningSummary: kept.reasoningSummary
        ? held.texts.reasoningSummary
        : detail.job.reasoningSummary,
    },
    items,
  };
}

export function jobDetailQuery(api: MullApi, queryClient: QueryClient, id: JobId) {
  const queryKey = queryKeys.jobDetail(id);
  const patcher = jobCachePatcherFor(queryClient);
  return {
    queryKey,
    queryFn: async (): Promise<JobDetail> => {
      for (let attempt = 0; ; attempt++) {
        patcher.fetching(id);
        const fetched = await fetchDetail(api, id, queryClient.getQueryData<JobDetail>(queryKey));
        const merged = mergeFetched(queryClient.getQueryData<JobDetail>(queryKey), fetched);
        // Ask again rather than show an older job when events told of a newer revision than this
        // answer and the cache did not follow them (they came before it held the job), or when an
        // event asked for the view while this fetch was out (a fetch already out is not cut
        // short, so that ask would be lost: a newer status over older text).
        const behind = merged.job.revision < patcher.newestRevision(id) || patcher.needsFetch(id);
        if (!behind) return merged;
        if (attempt === maxCatchUps) {
          // Still behind after as many tries (a job streaming fast on a busy machine): shown
          // now, and asked for once more as soon as this answer is in the cache.
          setTimeout(() => void queryClient.invalidateQueries({ queryKey, exact: true }), 0);
          return merged;
        }
      }
    },
    // Events keep the snapshot current; one left stale while the view was closed is fetched as it
    // opens (the patcher knows which).
    staleTime: () => (patcher.needsFetch(id) ? 0 : 30_000),
  };
}

export function useJobDetail(id: JobId) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery(jobDetailQuery(api, queryClient, id));
}
