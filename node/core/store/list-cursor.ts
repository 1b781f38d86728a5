// The opaque cursor of a job list page: the sort key and id of the page's last row (keyset paging,
// so jobs arriving while someone scrolls neither repeat nor vanish), plus the order it belongs to.
import { z } from 'zod';
import { JobSortField, SortDirection } from '../../../shared/job-query.js';
import { InvalidCursorError } from './store-errors.js';

const CursorPayload = z.tuple([JobSortField, SortDirection, z.number().int(), z.string().min(1)]);

export interface ListPosition {
  sort: JobSortField;
  direction: SortDirection;
  /** The last row's createdAt or updatedAt, whichever the list is sorted by. */
  value: number;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  const payload = [position.sort, position.direction, position.value, position.id];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  sort: JobSortField,
  direction: SortDirection,
): ListPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('it is not a cursor');
  }
  const parsed = CursorPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidCursorError('it is not a cursor');
  const [cursorSort, cursorDirection, value, id] = parsed.data;
  if (cursorSort !== sort || cursorDirection !== direction) {
    throw new InvalidCursorError(`it continues a list sorted by ${cursorSort} ${cursorDirection}`);
  }
  return { sort, direction, value, id };
}
