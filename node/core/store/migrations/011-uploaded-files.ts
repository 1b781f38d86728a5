// Attachments uploaded through the Files API (engine/attachment-uploads.ts): the file id a
// provider gave each file, by the file's sha256, so a create sent again, a retry or another job
// carrying the same file to the same provider names that id instead of uploading it again. Kept
// per provider: a file id means nothing to another server or account. Not tied to a job: the
// uploaded file outlives the jobs that named it (purpose `user_data` files are kept until deleted,
// https://platform.openai.com/docs/api-reference/files/create).
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 11,
  name: 'uploaded files',
  up(db) {
    db.exec(`
      CREATE TABLE uploaded_files (
        provider_id TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        file_id TEXT NOT NULL CHECK (file_id <> ''),
        uploaded_at INTEGER NOT NULL,
        PRIMARY KEY (provider_id, sha256)
      ) WITHOUT ROWID;
    `);
  },
};
