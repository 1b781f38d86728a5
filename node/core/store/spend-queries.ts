// The sums the Spend pane shows, summed by SQLite over indexes (migrations 9 and 13) instead of
// every finished job read into JavaScript: per model, per range of end times, and the unpriced
// count, each over the stored jobs and the deleted jobs' kept spend (migration 8). Costs are
// summed as whole nano-USD, as shared/cost.ts's sumUsd does, so the totals do not drift.
import type { Database, Statement } from './open-database.js';

/** Priced jobs and what they cost, in nano-USD (1e-9 USD). */
export interface SpendSum {
  jobs: number;
  nanoUsd: number;
}

export interface ModelSpend extends SpendSum {
  model: string;
}

/** What the Spend summary reads (node/backend/spend.ts). */
export interface SpendTotals {
  /** Per model, every finished priced job. */
  byModel(): ModelSpend[];
  /** Finished jobs without a cost (no price for their model). */
  unpriced(): number;
  /** Priced jobs that finished at or after `start` and before `end` (epoch ms). */
  between(start: number, end: number): SpendSum;
  /** When the newest priced job that finished before `before` finished, or null: none. */
  newestBefore(before: number): number | null;
}

const nanoUsd = 'CAST(round(cost * 1000000000) AS INTEGER)';

export class SpendQueries implements SpendTotals {
  readonly #byModel: Statement<[], ModelSpend>;
  readonly #unpriced: Statement<[], number>;
  readonly #between: Statement<[number, number, number, number], SpendSum>;
  readonly #newestBefore: Statement<[number, number], number | null>;

  constructor(db: Database) {
    // Two GROUP BYs, each walking its table's index in model order; merged below.
    this.#byModel = db.prepare(
      `SELECT model, count(*) AS jobs, sum(${nanoUsd}) AS nanoUsd FROM jobs ` +
        'WHERE finished_at IS NOT NULL AND cost IS NOT NULL GROUP BY model ' +
        `UNION ALL SELECT model, count(*), sum(${nanoUsd}) FROM deleted_spend ` +
        'WHERE cost IS NOT NULL GROUP BY model',
    );
    this.#unpriced = db
      .prepare<[], number>(
        'SELECT (SELECT count(*) FROM jobs WHERE finished_at IS NOT NULL AND cost IS NULL) + ' +
          '(SELECT count(*) FROM deleted_spend WHERE cost IS NULL)',
      )
      .pluck();
    this.#between = db.prepare(
      `SELECT count(*) AS jobs, coalesce(sum(nano), 0) AS nanoUsd FROM (` +
        `SELECT ${nanoUsd} AS nano FROM jobs ` +
        'WHERE finished_at >= ? AND finished_at < ? AND cost IS NOT NULL ' +
        `UNION ALL SELECT ${nanoUsd} FROM deleted_spend ` +
        'WHERE finished_at >= ? AND finished_at < ? AND cost IS NOT NULL)',
    );
    // The aggregate max, which passes over a table with none (the scalar max of a NULL is NULL);
    // each side seeks its index from `before` down and stops at the first row.
    this.#newestBefore = db
      .prepare<[number, number], number | null>(
        'SELECT max(at) FROM (' +
          'SELECT (SELECT finished_at FROM jobs WHERE finished_at < ? AND cost IS NOT NULL ' +
          'ORDER BY finished_at DESC LIMIT 1) AS at ' +
          'UNION ALL SELECT (SELECT finished_at FROM deleted_spend ' +
          'WHERE finished_at < ? AND cost IS NOT NULL ORDER BY finished_at DESC LIMIT 1))',
      )
      .pluck();
  }

  byModel(): ModelSpend[] {
    const merged = new Map<string, ModelSpend>();
    for (const row of this.#byModel.all()) {
      const seen = merged.get(row.model);
      if (seen) {
        seen.jobs += row.jobs;
        seen.nanoUsd += row.nanoUsd;
      } else merged.set(row.model, { ...row });
    }
    return [...merged.values()];
  }

  unpriced(): number {
    return this.#unpriced.get() ?? 0;
  }

  between(start: number, end: number): SpendSum {
    return this.#between.get(start, end, start, end) ?? { jobs: 0, nanoUsd: 0 };
  }

  newestBefore(before: number): number | null {
    return this.#newestBefore.get(before, before) ?? null;
  }
}
