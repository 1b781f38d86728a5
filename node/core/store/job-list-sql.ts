// The SQL of one job list page and of its total, built from the query's filters. The shape of the
// SQL depends only on which filters are present, so the store can cache one prepared statement
// per shape; the values travel as parameters.
import { answerHeadLength } from '../../../shared/job-summary.js';
import type { ParsedJobQuery } from '../../../shared/job-query.js';
import { jobColumns, type SqlValue } from './job-row.js';
import type { ListPosition } from './list-cursor.js';

const bodyColumns: ReadonlySet<string> = new Set([
  'prompt',
  'instructions',
  'answer',
  'reasoning_summary',
]);
// A running job's answer is in answer_chunks (migration 12), its column empty; a settled job's is
// in its column, with no chunks. The head reads only the chunks starting in the first
// 2 x answerHeadLength UTF-16 units, which hold its first answerHeadLength characters (SQLite
// counts code points, one or two units each), each cut there; a chunk starting later means more.
const headUnits = 2 * answerHeadLength;
const chunkHead =
  `coalesce((SELECT group_concat(substr(text, 1, ${headUnits}), '' ORDER BY start) ` +
  "FROM answer_chunks WHERE job_id = jobs.id AND part = 'answer' " +
  `AND start < ${headUnits}), '')`;
const summaryColumns = [
  ...jobColumns.filter((column) => !bodyColumns.has(column)),
  `substr(answer || ${chunkHead}, 1, ${answerHeadLength}) AS answer_head`,
  `(length(answer) + length(${chunkHead}) > ${answerHeadLength} OR EXISTS (SELECT 1 ` +
    "FROM answer_chunks WHERE job_id = jobs.id AND part = 'answer' " +
    `AND start >= ${headUnits})) AS answer_continues`,
].join(', ');

const sortColumnOf = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export interface ListSql {
  /** Returns up to `limit + 1` rows, so the caller knows whether another page follows. */
  page: string;
  count: string;
  params: Record<string, SqlValue>;
}

export function buildListSql(
  query: ParsedJobQuery,
  ftsQuery: string | null,
  after: ListPosition | null,
): ListSql {
  const conditions: string[] = [];
  const params: Record<string, SqlValue> = {};
  if (query.statuses !== undefined && query.statuses.length > 0) {
    // One JSON parameter instead of one per status keeps the SQL the same for any number of them.
    conditions.push('status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(query.statuses);
  }
  if (query.model !== undefined) {
    conditions.push('model = @model');
    params.model = query.model;
  }
  if (query.threadId !== undefined) {
    conditions.push('thread_id = @thread_id');
    params.thread_id = query.threadId;
  }
  if (query.groupId !== undefined) {
    conditions.push('group_id = @group_id');
    params.group_id = query.groupId;
  }
  if (ftsQuery !== null) {
    conditions.push('seq IN (SELECT rowid FROM job_search WHERE job_search MATCH @fts_query)');
    params.fts_query = ftsQuery;
  }
  const sortColumn = sortColumnOf[query.sort];
  const descending = query.direction === 'desc';

  const pageConditions = [...conditions];
  if (after !== null) {
    pageConditions.push(`(${sortColumn}, id) ${descending ? '<' : '>'} (@after_value, @after_id)`);
  }
  const order = descending ? 'DESC' : 'ASC';
  const orderBy = `ORDER BY ${sortColumn} ${order}, id ${order}`;
  return {
    // The page's rows are chosen first by their keys alone, then read: `created_at` and
    // `updated_at` are stored after the answer, so sorting whole rows reads every matching answer
    // (overflow pages included; 1.4 s for a status page of 100,000 jobs). The keys come from an
    // index (jobs_status_created, jobs_created_at) without touching the rows.
    page:
      `SELECT ${summaryColumns} FROM jobs WHERE seq IN ` +
      `(SELECT seq FROM jobs${where(pageConditions)} ${orderBy} LIMIT @limit) ${orderBy}`,
    count: `SELECT count(*) AS total FROM jobs${where(conditions)}`,
    params,
  };
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}
