// The engine's read-only face: jobs read from a data directory without the JobManager, for the
// CLI's list, show and search. The manager brings the OpenAI SDK and its HTTP client, about half
// of `mull list`'s start-up, for commands that send nothing. Like engine/index.ts it is a public
// face (docs/ARCHITECTURE.md, "Layers"); everything that stores or sends goes through the
// JobManager. Reads here are the manager's own (JobManager.find uses findJob).
import type { Job, JobEvent, JobId } from '../../../shared/job.js';
import type { JobPage, JobQuery, JobSearchHit } from '../../../shared/job-query.js';
import type { OutputItem } from '../../../shared/output-items.js';
import type { JobStore, Database } from '../store/index.js';
import { JobActionRefused, JobNotFoundError } from './job-errors.js';

export class JobReader {
  private constructor(
    private readonly db: Database,
    private readonly store: JobStore,
    /** A damaged page read says so in a sentence: a reader's open never checks every page. */
    private readonly explained: (error: unknown) => unknown,
  ) {}

  /** Opens the data directory for reading (a copy when Mull may not write to it). */
  static async open(dataDir: string): Promise<JobReader> {
    const { openDatabase, JobStore, databasePathIn, explainReadFailure } =
      await import('../store/index.js');
    const db = openDatabase(dataDir, undefined, { readOnly: true });
    const path = databasePathIn(dataDir);
    return new JobReader(db, new JobStore(db), (error) => explainReadFailure(error, path));
  }

  list(query: JobQuery): JobPage {
    return this.read(() => this.store.list(query));
  }

  search(words: string, limit?: number): JobSearchHit[] {
    return this.read(() => this.store.search(words, limit));
  }

  items(id: JobId): OutputItem[] {
    return this.read(() => this.store.items(id));
  }

  events(id: JobId): JobEvent[] {
    return this.read(() => this.store.events(id));
  }

  /** A job by its id or a unique prefix, refused as JobManager.find refuses. */
  find(idOrPrefix: string): Job {
    return this.read(() => findJob(this.store, idOrPrefix));
  }

  private read<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw this.explained(error);
    }
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** A job by its id, or by a unique prefix of it (as people type ids on the command line). */
export function findJob(store: JobStore, idOrPrefix: string): Job {
  const exact = store.get(idOrPrefix);
  if (exact) return exact;
  const matches = store.findByIdPrefix(idOrPrefix);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new JobActionRefused(
      `'${idOrPrefix}' matches ${matches.length} jobs; type more of the id.`,
    );
  }
  throw new JobNotFoundError(idOrPrefix);
}
