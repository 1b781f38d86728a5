// Where a job's answer and reasoning summary are kept (migration 12): a running job's in
// answer_chunks, one chunk per write that adds to them, its columns empty so that writing its
// cursor rewrites a small row; a settled job's in its columns, with no chunks. Moving between the
// two happens in the write that settles a job (or runs it again), inside that write's transaction.
import type { TextAppend } from './job-patch.js';
import type { JobRow, SqlValue } from './job-row.js';
import { AnswerChunks, type TextPart } from './answer-chunks.js';
import type { Database, Statement } from './open-database.js';

export interface Texts {
  answer: string;
  reasoningSummary: string;
}

/** Where a write leaves the job: settled before it, and after it. */
export interface Settling {
  wasSettled: boolean;
  settled: boolean;
}

const columnOf = { answer: 'answer', summary: 'reasoning_summary' } as const;
const fieldOf = { answer: 'answer', summary: 'reasoningSummary' } as const;

export class JobTexts {
  readonly #chunks: AnswerChunks;
  readonly #columns: Statement<[string], Pick<JobRow, 'answer' | 'reasoning_summary'>>;

  constructor(db: Database) {
    this.#chunks = new AnswerChunks(db);
    this.#columns = db.prepare('SELECT answer, reasoning_summary FROM jobs WHERE id = ?');
  }

  /** A new running job's texts, as chunks (its row is inserted with empty columns). */
  insertRunning(id: string, texts: Texts): void {
    this.#chunks.append(id, 'answer', 0, texts.answer);
    this.#chunks.append(id, 'summary', 0, texts.reasoningSummary);
  }

  /** A stored row with its whole texts: its columns followed by its chunks. */
  withChunks(row: JobRow): JobRow {
    const chunks = this.#chunks.texts(row.id);
    if (chunks.answer === '' && chunks.summary === '') return row;
    return {
      ...row,
      answer: row.answer + chunks.answer,
      reasoning_summary: row.reasoning_summary + chunks.summary,
    };
  }

  /** Both whole texts of a stored job. */
  of(id: string): Texts {
    const row = this.#columns.get(id);
    const chunks = this.#chunks.texts(id);
    return {
      answer: (row?.answer ?? '') + chunks.answer,
      reasoningSummary: (row?.reasoning_summary ?? '') + chunks.summary,
    };
  }

  /**
   * Stores one part of a job's text as the write leaves the job, putting its column in `columns`
   * when the column changes. `text` is the whole text (undefined: not written); an `append` that
   * makes it out of a stored text ending at `append.from` is stored alone. Returns the whole
   * text, or undefined when the write leaves it as it was (not read here).
   */
  write(
    id: string,
    part: TextPart,
    text: string | undefined,
    append: TextAppend | undefined,
    { wasSettled, settled }: Settling,
    columns: Record<string, SqlValue>,
  ): string | undefined {
    if (text === undefined) {
      if (wasSettled === settled) return undefined;
      // Settling compacts the chunks into the column; running again (an unknown job attached to
      // its response) moves the column's text into a chunk.
      const whole = this.of(id)[fieldOf[part]];
      this.#replace(id, part, whole, settled, columns);
      return whole;
    }
    const appends =
      !wasSettled &&
      !settled &&
      append !== undefined &&
      appendsTo(text, append) &&
      this.#chunks.end(id, part) === append.from;
    if (appends) this.#chunks.append(id, part, append.from, append.text);
    // The whole text: the final one, or an append that does not follow what is stored (a write
    // rolled back after the append was taken): written whole once, appends follow from there.
    else this.#replace(id, part, text, settled, columns);
    return text;
  }

  #replace(
    id: string,
    part: TextPart,
    text: string,
    settled: boolean,
    columns: Record<string, SqlValue>,
  ): void {
    this.#chunks.clear(id, part);
    if (!settled) this.#chunks.append(id, part, 0, text);
    columns[columnOf[part]] = settled ? text : '';
  }
}

/**
 * Whether `append` makes exactly `text` out of a stored text that ends at `append.from`. A chunk
 * never starts or ends inside a surrogate pair (SQLite would store each half as U+FFFD): such an
 * append, from a server that split an emoji across deltas, is written whole, as before chunks.
 */
function appendsTo(text: string, append: TextAppend): boolean {
  if (append.from + append.text.length !== text.length) return false;
  const first = append.text.charCodeAt(0);
  const last = append.text.charCodeAt(append.text.length - 1);
  return !(first >= 0xdc00 && first <= 0xdfff) && !(last >= 0xd800 && last <= 0xdbff);
}
