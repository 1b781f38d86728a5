// A running job's streamed text, one row per flush (migration 12): appending a chunk writes only
// the new text, while an UPDATE of the job's answer column would rewrite all of it. The whole text
// is the job's column followed by its chunks in order of `start`; offsets are UTF-16 code units,
// as JavaScript strings count them.
import type { Database, Statement } from './open-database.js';

export type TextPart = 'answer' | 'summary';

interface ChunkRow {
  part: TextPart;
  text: string;
}

export class AnswerChunks {
  readonly #append: Statement<[string, TextPart, number, string]>;
  readonly #last: Statement<[string, TextPart], { start: number; text: string }>;
  readonly #all: Statement<[string], ChunkRow>;
  readonly #clear: Statement<[string, TextPart]>;

  constructor(db: Database) {
    this.#append = db.prepare(
      'INSERT INTO answer_chunks (job_id, part, start, text) VALUES (?, ?, ?, ?)',
    );
    // The primary key's index, read backwards from its end: one short row, however many chunks.
    this.#last = db.prepare(
      'SELECT start, text FROM answer_chunks WHERE job_id = ? AND part = ? ' +
        'ORDER BY start DESC LIMIT 1',
    );
    this.#all = db.prepare(
      'SELECT part, text FROM answer_chunks WHERE job_id = ? ORDER BY part, start',
    );
    this.#clear = db.prepare('DELETE FROM answer_chunks WHERE job_id = ? AND part = ?');
  }

  /** Where this part's chunks end (0 when it has none). */
  end(jobId: string, part: TextPart): number {
    const last = this.#last.get(jobId, part);
    return last === undefined ? 0 : last.start + last.text.length;
  }

  /** Stores `text` at `start`; nothing for empty text. */
  append(jobId: string, part: TextPart, start: number, text: string): void {
    if (text !== '') this.#append.run(jobId, part, start, text);
  }

  /** The chunks of both parts, each joined in order ('' for none). */
  texts(jobId: string): Record<TextPart, string> {
    const pieces: Record<TextPart, string[]> = { answer: [], summary: [] };
    for (const row of this.#all.all(jobId)) pieces[row.part].push(row.text);
    return { answer: pieces.answer.join(''), summary: pieces.summary.join('') };
  }

  clear(jobId: string, part: TextPart): void {
    this.#clear.run(jobId, part);
  }
}
