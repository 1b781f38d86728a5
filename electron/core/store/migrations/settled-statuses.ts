// The settled statuses as an SQL list, from the one definition in shared/job.ts. A migration that
// uses it freezes the list as it was when the migration ran: a later status needs a new migration.
import { JobStatus, isSettled } from '../../../../shared/job.js';

export const settledStatusesSql = JobStatus.options
  .filter((status) => isSettled(status))
  .map((status) => `'${status}'`)
  .join(', ');
