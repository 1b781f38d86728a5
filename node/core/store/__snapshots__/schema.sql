-- user_version 13

-- index deleted_spend_by_day
CREATE INDEX deleted_spend_by_day ON deleted_spend (finished_at, cost);

-- index deleted_spend_by_model
CREATE INDEX deleted_spend_by_model ON deleted_spend (model, cost);

-- index job_events_job_id
CREATE INDEX job_events_job_id ON job_events (job_id, id);

-- index jobs_created_at
CREATE INDEX jobs_created_at ON jobs (created_at, id);

-- index jobs_group
CREATE INDEX jobs_group ON jobs (group_id, created_at) WHERE group_id IS NOT NULL;

-- index jobs_model
CREATE INDEX jobs_model ON jobs (model);

-- index jobs_response_id
CREATE UNIQUE INDEX jobs_response_id ON jobs (response_id) WHERE response_id IS NOT NULL;

-- index jobs_spend
CREATE INDEX jobs_spend ON jobs (finished_at, model, cost) WHERE finished_at IS NOT NULL;

-- index jobs_spend_by_model
CREATE INDEX jobs_spend_by_model ON jobs (model, cost, finished_at) WHERE finished_at IS NOT NULL;

-- index jobs_status
CREATE INDEX jobs_status ON jobs (status);

-- index jobs_status_created
CREATE INDEX jobs_status_created ON jobs (status, created_at, id);

-- index jobs_text_unindexed
CREATE INDEX jobs_text_unindexed ON jobs (id) WHERE text_indexed = 0;

-- index jobs_thread_id
CREATE INDEX jobs_thread_id ON jobs (thread_id, created_at, id);

-- index jobs_updated_at
CREATE INDEX jobs_updated_at ON jobs (updated_at, id);

-- table answer_chunks
CREATE TABLE answer_chunks (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, part TEXT NOT NULL CHECK (part IN ('answer', 'summary')), start INTEGER NOT NULL CHECK (start >= 0), text TEXT NOT NULL CHECK (text <> ''), PRIMARY KEY (job_id, part, start));

-- table deleted_spend
CREATE TABLE deleted_spend (job_id TEXT NOT NULL PRIMARY KEY, finished_at INTEGER NOT NULL, model TEXT NOT NULL, cost REAL) WITHOUT ROWID;

-- table job_events
CREATE TABLE job_events (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, at INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT);

-- table job_items
CREATE TABLE job_items (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, position INTEGER NOT NULL CHECK (position >= 0), type TEXT NOT NULL, item TEXT NOT NULL CHECK (json_valid(item)), PRIMARY KEY (job_id, position)) WITHOUT ROWID;

-- table job_search
CREATE VIRTUAL TABLE "job_search" USING fts5 (title, prompt, answer, reasoning_summary, sources, instructions, content = 'job_search_content', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

-- table job_search_config
CREATE TABLE "job_search_config"(k PRIMARY KEY, v) WITHOUT ROWID;

-- table job_search_data
CREATE TABLE "job_search_data"(id INTEGER PRIMARY KEY, block BLOB);

-- table job_search_docsize
CREATE TABLE "job_search_docsize"(id INTEGER PRIMARY KEY, sz BLOB);

-- table job_search_idx
CREATE TABLE "job_search_idx"(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table jobs
CREATE TABLE jobs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, prompt TEXT NOT NULL, instructions TEXT, model TEXT NOT NULL, provider_id TEXT NOT NULL, effort TEXT, reasoning_summary_mode TEXT, max_output_tokens INTEGER, status TEXT NOT NULL, server_status TEXT, response_id TEXT, resolved_model TEXT, cursor INTEGER NOT NULL DEFAULT -1 CHECK (cursor >= -1), answer TEXT NOT NULL DEFAULT '', reasoning_summary TEXT NOT NULL DEFAULT '', input_tokens INTEGER, cached_tokens INTEGER, output_tokens INTEGER, reasoning_tokens INTEGER, total_tokens INTEGER, cost REAL, error_code TEXT, error_message TEXT, incomplete_reason TEXT, retry_of TEXT, parent_id TEXT, thread_id TEXT NOT NULL, created_at INTEGER NOT NULL, submitted_at INTEGER, started_at INTEGER, finished_at INTEGER, updated_at INTEGER NOT NULL, revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0), tools TEXT CHECK (tools IS NULL OR json_valid(tools)), output_digest TEXT CHECK (output_digest IS NULL OR json_valid(output_digest)), sources_text TEXT NOT NULL DEFAULT '', price TEXT CHECK (price IS NULL OR json_valid(price)), attachments TEXT CHECK (attachments IS NULL OR json_valid(attachments)), service_tier TEXT, served_tier TEXT, group_id TEXT, text_indexed INTEGER NOT NULL DEFAULT 1 CHECK (text_indexed IN (0, 1)), CHECK ((input_tokens IS NULL) = (total_tokens IS NULL) AND (cached_tokens IS NULL) = (total_tokens IS NULL) AND (output_tokens IS NULL) = (total_tokens IS NULL) AND (reasoning_tokens IS NULL) = (total_tokens IS NULL)), CHECK ((error_code IS NULL) = (error_message IS NULL)));

-- table settings
CREATE TABLE settings (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value))) WITHOUT ROWID;

-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table uploaded_files
CREATE TABLE uploaded_files (provider_id TEXT NOT NULL, sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'), file_id TEXT NOT NULL CHECK (file_id <> ''), uploaded_at INTEGER NOT NULL, PRIMARY KEY (provider_id, sha256)) WITHOUT ROWID;

-- trigger jobs_keep_spend
CREATE TRIGGER jobs_keep_spend AFTER DELETE ON jobs WHEN old.finished_at IS NOT NULL BEGIN INSERT OR REPLACE INTO deleted_spend (job_id, finished_at, model, cost) VALUES (old.id, old.finished_at, old.model, old.cost); END;

-- trigger jobs_search_delete
CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary, sources, instructions) VALUES ('delete', old.seq, old.title, old.prompt, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.answer ELSE '' END, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.reasoning_summary ELSE '' END, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.sources_text ELSE '' END, coalesce(old.instructions, '')); END;

-- trigger jobs_search_insert
CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources, instructions) SELECT seq, title, prompt, answer, reasoning_summary, sources, instructions FROM job_search_content WHERE seq = new.seq; END;

-- trigger jobs_search_update
CREATE TRIGGER jobs_search_update AFTER UPDATE OF title, prompt, instructions, status, answer, reasoning_summary, sources_text, text_indexed ON jobs WHEN old.title IS NOT new.title OR old.prompt IS NOT new.prompt OR old.instructions IS NOT new.instructions OR (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) IS NOT (new.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND new.text_indexed = 1) OR ((new.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND new.text_indexed = 1) AND (old.answer IS NOT new.answer OR old.reasoning_summary IS NOT new.reasoning_summary OR old.sources_text IS NOT new.sources_text)) BEGIN INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary, sources, instructions) VALUES ('delete', old.seq, old.title, old.prompt, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.answer ELSE '' END, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.reasoning_summary ELSE '' END, CASE WHEN (old.status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND old.text_indexed = 1) THEN old.sources_text ELSE '' END, coalesce(old.instructions, '')); INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources, instructions) SELECT seq, title, prompt, answer, reasoning_summary, sources, instructions FROM job_search_content WHERE seq = new.seq; END;

-- view job_search_content
CREATE VIEW job_search_content AS SELECT seq, title, prompt, CASE WHEN status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND text_indexed = 1 THEN answer ELSE '' END AS answer, CASE WHEN status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND text_indexed = 1 THEN reasoning_summary ELSE '' END AS reasoning_summary, CASE WHEN status IN ('unknown', 'completed', 'incomplete', 'failed', 'cancelled', 'expired') AND text_indexed = 1 THEN sources_text ELSE '' END AS sources, coalesce(instructions, '') AS instructions FROM jobs;
