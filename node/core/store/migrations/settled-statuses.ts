// The settled statuses as they were when migrations 5, 7 and 9 shipped, written out: a shipped
// migration must run the same SQL forever, so it never reads the live list in shared/job.ts. A
// status that settles added later needs a migration of its own to rebuild the search index's view
// (migrations.test.ts fails until then).
export const settledStatusesSql = `'unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired'`;
