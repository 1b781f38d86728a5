// Full-text search hits in place of the board while the search box has words.
import type { JobSearchHit } from '../../../shared/job-query.js';
import { isSearchable } from '../data/search-words.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Snippet } from './Snippet.js';

interface Props {
  words: string;
  hits: readonly JobSearchHit[] | undefined;
  loading: boolean;
  error: unknown;
  openId: string | undefined;
  onOpen: (id: string) => void;
  /** The most hits asked for: as many came back means there may be more. */
  limit: number;
  /** Asks for more hits; absent when no more can be asked for. */
  onMore: (() => void) | undefined;
}

function countSentence(hits: number, limit: number, words: string): string {
  if (hits === 0) return `No job matches “${words}”.`;
  if (hits >= limit) return `The ${hits} best matches for “${words}”.`;
  return `${hits} ${hits === 1 ? 'job matches' : 'jobs match'} “${words}”.`;
}

export function SearchResults({
  words,
  hits,
  loading,
  error,
  openId,
  onOpen,
  limit,
  onMore,
}: Props) {
  if (!isSearchable(words)) {
    return (
      <p className="board__empty" role="status">
        Type one more letter to search.
      </p>
    );
  }
  if (error) return <ErrorNote error={error} prefix="Search failed." />;
  if (!hits) return <p className="board__empty">{loading ? 'Searching…' : ''}</p>;
  return (
    <section className="search-results" aria-label={`Search results for ${words}`}>
      <p className="search-results__count" role="status">
        {countSentence(hits.length, limit, words)}
      </p>
      <ul className="search-results__list">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className="search-hit"
              aria-current={hit.id === openId ? 'page' : undefined}
              onClick={() => onOpen(hit.id)}
            >
              <span className="search-hit__title">{hit.title || 'Untitled job'}</span>
              <Snippet parts={hit.snippet} />
            </button>
          </li>
        ))}
      </ul>
      {hits.length >= limit && onMore && (
        <button
          type="button"
          className="button search-results__more"
          onClick={onMore}
          disabled={loading}
        >
          {loading ? 'Searching…' : 'Show more matches'}
        </button>
      )}
    </section>
  );
}
