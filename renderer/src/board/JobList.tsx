// The board's rows, virtualized: only the rows in view (plus a few) are in the DOM, so thousands
// of jobs scroll as smoothly as ten. A listbox: arrow keys or j/k move, Home/End jump, Enter opens
// (with a job open, j/k open the job above or below instead: the page-wide keys).
// Pages of `jobs:list` load as the end comes into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { type JobSummary } from '../../../shared/job-summary.js';
import { JobRow, jobRowId } from './JobRow.js';

/** Rows have a fixed height in board.css; the virtualizer needs it to place them. */
const rowHeight = 84;
const loadMoreWithin = 20;

export interface JobListHandle {
  focus(): void;
}

interface Props {
  ref?: Ref<JobListHandle>;
  jobs: readonly JobSummary[];
  /** Every loaded job's title by id: a follow-up's row names its thread's first job. */
  titles: ReadonlyMap<string, string>;
  total: number;
  selectedId: string | undefined;
  openId: string | undefined;
  label: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

export function JobList({
  ref,
  jobs,
  titles,
  total,
  selectedId,
  openId,
  label,
  hasMore,
  loadingMore,
  onLoadMore,
  onSelect,
  onOpen,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => jobs[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const selectedIndex = jobs.findIndex((job) => job.id === selectedId);
  const lastVisibleIndex = items.at(-1)?.index ?? -1;

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  useEffect(() => {
    if (hasMore && !loadingMore && lastVisibleIndex >= jobs.length - loadMoreWithin) onLoadMore();
  }, [hasMore, loadingMore, lastVisibleIndex, jobs.length, onLoadMore]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveTo = (index: number) => {
    const job = jobs[Math.max(0, Math.min(jobs.length - 1, index))];
    if (job) onSelect(job.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const from = selectedIndex;
    // With a job open, j/k go on to the page-wide keys: they open the job above or below.
    if (openId !== undefined && (event.key === 'j' || event.key === 'k')) return;
    const keyActions: Record<string, () => void> = {
      ArrowDown: () => moveTo(from + 1),
      j: () => moveTo(from + 1),
      ArrowUp: () => moveTo(from - 1),
      k: () => moveTo(from - 1),
      Home: () => moveTo(0),
      End: () => moveTo(jobs.length - 1),
      PageDown: () => moveTo(from + 10),
      PageUp: () => moveTo(from - 10),
      Enter: () => {
        if (selectedId !== undefined) onOpen(selectedId);
      },
    };
    const action = keyActions[event.key];
    if (!action) return;
    event.preventDefault();
    // Handled here: the page-wide j/k must not move the selection a second time.
    event.stopPropagation();
    action();
  };

  return (
    <div className="job-list-frame">
      <div
        ref={scrollRef}
        className="job-list"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={
          selectedId !== undefined && selectedIndex >= 0 ? jobRowId(selectedId) : undefined
        }
        onKeyDown={onKeyDown}
      >
        <div
          role="presentation"
          className="job-list__sizer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const job = jobs[item.index];
            if (!job) return null;
            return (
              <div
                key={item.key}
                role="presentation"
                className="job-list__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <JobRow
                  job={job}
                  threadTitle={job.parentId === null ? undefined : (titles.get(job.threadId) ?? '')}
                  selected={job.id === selectedId}
                  open={job.id === openId}
                  position={item.index + 1}
                  setSize={total}
                  onOpen={onOpen}
                />
              </div>
            );
          })}
        </div>
      </div>
      {loadingMore && <p className="job-list__more">Loading more jobs…</p>}
    </div>
  );
}
