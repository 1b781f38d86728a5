// The job board: toolbar, then either the virtualized list of jobs or the search hits.
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import { useJobList } from '../data/use-job-list.js';
import { mostSearchHits, searchPage, useJobSearch } from '../data/use-job-search.js';
import { preloadMarkdownWhenIdle } from '../markdown/LazyMarkdown.js';
import { useApi } from '../data/api-context.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { boardQuery } from './board-filters.js';
import { BoardToolbar } from './BoardToolbar.js';
import { JobList, type JobListHandle } from './JobList.js';
import { SearchResults } from './SearchResults.js';
import { useDebouncedValue } from './use-debounced-value.js';

export interface BoardHandle {
  focusSearch(): void;
  /**
   * Page-wide j/k: with no job open, moves the selection and puts the focus on the list; with a
   * job open, opens the job above or below it (the cursor follows).
   */
  move(delta: number): void;
}

interface Props {
  ref?: Ref<BoardHandle>;
  openId: string | undefined;
  onOpen: (id: string) => void;
}

const searchDelayMs = 200;

export function JobBoard({ ref, openId, onOpen }: Props) {
  const [statusValue, setStatusValue] = useState('all');
  const [sortValue, setSortValue] = useState('created-desc');
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState(openId);
  // The cursor follows the open job: a submit, retry or follow-up that opens another job moves it
  // there, so the board never shows two highlights (adjusted during render, not in an effect).
  const [followedOpenId, setFollowedOpenId] = useState(openId);
  if (openId !== followedOpenId) {
    setFollowedOpenId(openId);
    if (openId !== undefined) setChosenId(openId);
  }
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<JobListHandle>(null);

  const query = useMemo(() => boardQuery(statusValue, sortValue), [statusValue, sortValue]);
  const list = useJobList(query);
  const api = useApi();
  // The board is up: the job view's Markdown renderer loads while the page is idle.
  const shown = list.isSuccess;
  useEffect(() => {
    if (shown) preloadMarkdownWhenIdle(api);
  }, [shown, api]);
  const words = useDebouncedValue(search, searchDelayMs).trim();
  const searching = search.trim() !== '' && words !== '';
  // Other words start again from the first page of hits (adjusted during render).
  const [searchLimit, setSearchLimit] = useState({ words, limit: searchPage });
  const hitLimit = searchLimit.words === words ? searchLimit.limit : searchPage;
  const searchResult = useJobSearch(words, hitLimit);

  const titles = useMemo(
    () => new Map(list.jobs.map((job) => [job.id, job.title] as const)),
    [list.jobs],
  );
  const listed = (id: string | undefined) =>
    id !== undefined && list.jobs.some((job) => job.id === id) ? id : undefined;
  // With a job open that is not listed yet (just submitted), no other row takes the highlight.
  const selectedId =
    listed(chosenId) ?? listed(openId) ?? (openId === undefined ? list.jobs[0]?.id : undefined);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const open = useCallback(
    (id: string) => {
      setChosenId(id);
      onOpen(id);
    },
    [onOpen],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusSearch: () => searchRef.current?.focus(),
      move: (delta) => {
        const openListed = list.jobs.some((job) => job.id === openId);
        const from = openListed ? openId : selectedId;
        const index = list.jobs.findIndex((job) => job.id === from);
        const next = list.jobs[Math.max(0, Math.min(list.jobs.length - 1, index + delta))];
        if (openId !== undefined && delta !== 0) {
          if (next && next.id !== openId) open(next.id);
          return;
        }
        if (next) setChosenId(next.id);
        listRef.current?.focus();
      },
    }),
    [list.jobs, selectedId, openId, open],
  );

  const label = `Jobs, ${list.total} in all`;
  return (
    <section className="board" aria-label="Job board">
      <BoardToolbar
        searchRef={searchRef}
        search={search}
        statusValue={statusValue}
        sortValue={sortValue}
        onSearch={setSearch}
        onStatus={setStatusValue}
        onSort={setSortValue}
        onSearchExit={() => {
          if (searching) document.querySelector<HTMLButtonElement>('.search-hit')?.focus();
          else listRef.current?.focus();
        }}
      />
      {searching ? (
        <SearchResults
          words={words}
          hits={searchResult.data}
          loading={searchResult.isFetching}
          error={searchResult.error}
          openId={openId}
          onOpen={open}
          limit={hitLimit}
          onMore={
            hitLimit < mostSearchHits
              ? () =>
                  setSearchLimit({ words, limit: Math.min(mostSearchHits, hitLimit + searchPage) })
              : undefined
          }
        />
      ) : (
        <>
          <p className="board__count" aria-hidden="true">
            {list.isPending
              ? 'Loading jobs…'
              : `${list.total} ${list.total === 1 ? 'job' : 'jobs'}`}
          </p>
          <ErrorNote error={list.error} prefix="The jobs could not be loaded." />
          {list.isSuccess && list.jobs.length === 0 ? (
            <p className="board__empty">
              {query.statuses.length === 0
                ? 'No jobs yet. Press n or choose “New job” to ask a model something.'
                : 'No job has this status.'}
            </p>
          ) : (
            <JobList
              ref={listRef}
              jobs={list.jobs}
              titles={titles}
              total={list.total}
              selectedId={selectedId}
              openId={openId}
              label={label}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={loadMore}
              onSelect={setChosenId}
              onOpen={open}
            />
          )}
        </>
      )}
    </section>
  );
}
