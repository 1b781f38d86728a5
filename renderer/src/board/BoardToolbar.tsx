// Search, status filter and sort for the board.
import { Search } from 'lucide-react';
import type { Ref } from 'react';
import { Icon } from '../ui/Icon.js';
import { singleStatuses, sortOptions, statusGroups } from './board-filters.js';

interface Props {
  searchRef: Ref<HTMLInputElement>;
  search: string;
  statusValue: string;
  sortValue: string;
  onSearch: (words: string) => void;
  onStatus: (value: string) => void;
  onSort: (value: string) => void;
  onSearchExit: () => void;
}

export function BoardToolbar({
  searchRef,
  search,
  statusValue,
  sortValue,
  onSearch,
  onStatus,
  onSort,
  onSearchExit,
}: Props) {
  return (
    <div className="board-toolbar" role="search">
      <label className="board-toolbar__search">
        <Icon of={Search} />
        <span className="visually-hidden">Search jobs</span>
        <input
          ref={searchRef}
          type="search"
          value={search}
          placeholder="Search prompts and answers  ( / )"
          onChange={(event) => onSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              if (search !== '') onSearch('');
              else onSearchExit();
            }
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              onSearchExit();
            }
          }}
        />
      </label>
      <label className="board-toolbar__field">
        <span className="visually-hidden">Status</span>
        <select
          value={statusValue}
          onChange={(event) => onStatus(event.target.value)}
          disabled={search.trim() !== ''}
          title="Show jobs with this status"
        >
          <optgroup label="Groups">
            {statusGroups.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="One status">
            {singleStatuses.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="board-toolbar__field">
        <span className="visually-hidden">Sort</span>
        <select
          value={sortValue}
          onChange={(event) => onSort(event.target.value)}
          disabled={search.trim() !== ''}
          title="Order of the jobs"
        >
          {sortOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
