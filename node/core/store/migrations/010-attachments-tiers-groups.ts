// Issue 12's job fields, in one migration:
// - attachments: the files and images sent with a job (JobAttachments as JSON; NULL: none, as for
//   every job stored before);
// - service_tier: the tier asked for (`flex`; NULL: the provider's default), and served_tier: the
//   tier the server reports it used, which the cost is priced with;
// - group_id: jobs sent together to compare models, with an index to read a group.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 10,
  name: 'attachments, service tiers and comparison groups',
  up(db) {
    db.exec(`
      ALTER TABLE jobs ADD COLUMN attachments TEXT
        CHECK (attachments IS NULL OR json_valid(attachments));
      ALTER TABLE jobs ADD COLUMN service_tier TEXT;
      ALTER TABLE jobs ADD COLUMN served_tier TEXT;
      ALTER TABLE jobs ADD COLUMN group_id TEXT;
      CREATE INDEX jobs_group ON jobs (group_id, created_at) WHERE group_id IS NOT NULL;
    `);
  },
};
