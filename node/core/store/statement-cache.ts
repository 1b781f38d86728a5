// Prepared statements for SQL that varies by shape (which columns an update sets, which filters a
// list uses): each shape is prepared once and reused. The cache is bounded so an unusual caller
// cannot grow it without end; the least recently added shape goes first.
import type { SqlValue } from './job-row.js';
import type { Database, Statement } from './open-database.js';

export type NamedParams = Record<string, SqlValue>;

export class StatementCache {
  readonly #statements = new Map<string, Statement<NamedParams>>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 256,
  ) {}

  /** The statement for `key`, prepared from `sql()` the first time the key is seen. */
  get<Row>(key: string, sql: () => string): Statement<NamedParams, Row> {
    let statement = this.#statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare<NamedParams>(sql());
      if (this.#statements.size >= this.capacity) {
        const oldest = this.#statements.keys().next();
        if (oldest.done !== true) this.#statements.delete(oldest.value);
      }
      this.#statements.set(key, statement);
    }
    return statement as Statement<NamedParams, Row>;
  }
}
