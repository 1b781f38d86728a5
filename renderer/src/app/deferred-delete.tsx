// Delete with undo. Deleting a job hides it in this page at once (board, search results, threads)
// and closes its pane; `jobs:delete` is sent only when the undo window ends, or when the page goes
// away first. Until then nothing has changed on disk, so undo (or the app dying inside the window)
// loses nothing: undo shows the job again from the backend. Spend is never touched here: the store
// keeps a deleted job's cost.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { JobId } from '../../../shared/job.js';
import type { JobSearchHit } from '../../../shared/job-query.js';
import { useApi } from '../data/api-context.js';
import { jobCachePatcherFor } from '../data/job-cache-patcher.js';
import { removeJobFromThread } from '../data/job-detail-cache.js';
import { flattenJobPages, removeJobFromList, type JobListData } from '../data/job-list-cache.js';
import { queryKeys } from '../data/query-keys.js';
import { errorMessage } from '../format/error-message.js';
import { UndoToast } from '../ui/UndoToast.js';

export const undoWindowMs = 6_000;

export interface DeferredDelete {
  /** Hides the job now (its pane closes first, see `beforeHide`), deletes it after the undo window. */
  remove(job: { id: JobId; title: string }): void;
}

const DeferredDeleteContext = createContext<DeferredDelete | null>(null);

/** The page's deferred delete; null outside a provider (a view rendered on its own). */
export function useDeferredDelete(): DeferredDelete | null {
  return useContext(DeferredDeleteContext);
}

interface Pending {
  id: JobId;
  title: string;
  timer: ReturnType<typeof setTimeout>;
}

type Toast = { kind: 'deleted'; id: JobId; title: string } | { kind: 'failed'; text: string };

const isKey = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, index) => key[index] === part);

/**
 * Takes the hidden jobs out of every snapshot that shows them. Only a snapshot that shows one is
 * written (a write is an update the cache's subscriber hears: writing the others would loop).
 */
function hideIn(queryClient: QueryClient, hidden: ReadonlySet<JobId>): void {
  if (hidden.size === 0) return;
  const shows = (jobs: readonly { id: JobId }[]) => jobs.some((job) => hidden.has(job.id));
  for (const [key, data] of queryClient.getQueriesData<JobListData>({
    queryKey: queryKeys.jobLists,
  })) {
    if (!data || !shows(flattenJobPages(data))) continue;
    let next = data;
    for (const id of hidden) next = removeJobFromList(next, id);
    queryClient.setQueryData(key, next);
  }
  for (const [key, hits] of queryClient.getQueriesData<JobSearchHit[]>({
    queryKey: queryKeys.jobSearches,
  })) {
    if (!Array.isArray(hits) || !shows(hits)) continue;
    queryClient.setQueryData(
      key,
      hits.filter((hit) => !hidden.has(hit.id)),
    );
  }
  for (const [key, detail] of queryClient.getQueriesData<JobDetail>({
    queryKey: queryKeys.jobDetails,
  })) {
    if (!detail || !shows(detail.thread)) continue;
    let next = detail;
    for (const id of hidden) next = removeJobFromThread(next, id);
    queryClient.setQueryData(key, next);
  }
}

interface ProviderProps {
  children: ReactNode;
  /** Called before a job is hidden: move the selection off it (open the next job). */
  beforeHide: (id: JobId) => void;
  /** How long undo is offered. */
  windowMs?: number;
}

export function DeferredDeleteProvider({
  children,
  beforeHide,
  windowMs = undoWindowMs,
}: ProviderProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const pending = useRef(new Map<JobId, Pending>());
  const [toast, setToast] = useState<Toast | null>(null);

  const hidden = useCallback(() => new Set(pending.current.keys()), []);

  // A refetch or an event can bring a hidden job back into a snapshot: take it out again.
  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (pending.current.size === 0) return;
      const key = event.query.queryKey as readonly unknown[];
      if (
        isKey(key, queryKeys.jobLists) ||
        isKey(key, queryKeys.jobSearches) ||
        isKey(key, queryKeys.jobDetails)
      ) {
        hideIn(queryClient, hidden());
      }
    });
  }, [queryClient, hidden]);

  const showAgain = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.jobLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.jobSearches });
    void queryClient.invalidateQueries({ queryKey: queryKeys.jobDetails });
  }, [queryClient]);

  const commit = useCallback(
    (id: JobId) => {
      const entry = pending.current.get(id);
      if (!entry) return;
      clearTimeout(entry.timer);
      setToast((shown) => (shown?.kind === 'deleted' && shown.id === id ? null : shown));
      api.invoke('jobs:delete', { id }).then(
        () => {
          pending.current.delete(id);
          jobCachePatcherFor(queryClient).deleted(id);
        },
        (error: unknown) => {
          pending.current.delete(id);
          showAgain();
          setToast({
            kind: 'failed',
            text: `'${entry.title}' could not be deleted. ${errorMessage(error)}`,
          });
        },
      );
    },
    [api, queryClient, showAgain],
  );

  const undo = useCallback(
    (id: JobId) => {
      const entry = pending.current.get(id);
      if (!entry) return;
      clearTimeout(entry.timer);
      pending.current.delete(id);
      setToast(null);
      showAgain();
    },
    [showAgain],
  );

  const value = useMemo<DeferredDelete>(
    () => ({
      remove: ({ id, title }) => {
        if (pending.current.has(id)) return;
        // One undo at a time: a delete still waiting is carried out now.
        for (const earlier of [...pending.current.keys()]) commit(earlier);
        beforeHide(id);
        pending.current.set(id, { id, title, timer: setTimeout(() => commit(id), windowMs) });
        hideIn(queryClient, hidden());
        setToast({ kind: 'deleted', id, title });
      },
    }),
    [beforeHide, commit, hidden, queryClient, windowMs],
  );

  // The page going away (window closed, reload) ends every undo window now.
  useEffect(() => {
    const flush = () => {
      for (const id of [...pending.current.keys()]) commit(id);
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [commit]);

  return (
    <DeferredDeleteContext value={value}>
      {children}
      {toast?.kind === 'deleted' && (
        <UndoToast
          text={`Deleted '${toast.title || 'Untitled job'}'.`}
          actionLabel="Undo"
          onAction={() => undo(toast.id)}
        />
      )}
      {toast?.kind === 'failed' && (
        <UndoToast text={toast.text} actionLabel="Dismiss" onAction={() => setToast(null)} />
      )}
    </DeferredDeleteContext>
  );
}
