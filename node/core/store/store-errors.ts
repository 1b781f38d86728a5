// The errors the job store raises on purpose, each with a message a person can act on.

/** Why the database could not be opened. */
export type StoreOpenFailure = 'unreadable' | 'damaged' | 'newer_schema' | 'foreign';

/**
 * The database file could not be opened. The file is always left exactly as it was: Mull never
 * deletes, replaces or repairs a database it cannot read, since it may hold the only copy of answers.
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(
    readonly reason: StoreOpenFailure,
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** No job has this id (or unique id prefix): thrown by the store and the engine alike. */
export class JobNotFoundError extends Error {
  override readonly name = 'JobNotFoundError';

  constructor(readonly jobId: string) {
    super(`There is no job '${jobId}'.`);
  }
}

/** A list cursor that is malformed or belongs to a query with another sort order. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';

  constructor(detail: string) {
    super(
      `The page cursor is not valid for this query (${detail}). Start again from the first page.`,
    );
  }
}
