// A text that grows by small pieces (stream deltas): joined only when read, and able to say what
// was added since the last write without reading the whole text (a long answer arrives as
// hundreds of thousands of deltas, and a flush stores only what it adds: JobStore.update).
import type { TextAppend } from '../store/index.js';

export class GrowingText {
  private joined: string;
  private pieces: string[] = [];
  private total: number;
  /** Where the text ended at the last takeAppend. */
  private takenTo: number;
  private untaken: string[] = [];

  /** Starts from the stored text: what is stored is taken already. */
  constructor(stored: string) {
    this.joined = stored;
    this.total = stored.length;
    this.takenTo = stored.length;
  }

  /**
   * Text is stored, or pieces wait to be joined (even empty ones): as the fold decided before
   * this class, so a message or summary part is set apart exactly when it was.
   */
  get started(): boolean {
    return this.joined !== '' || this.pieces.length > 0;
  }

  push(piece: string): void {
    this.pieces.push(piece);
    // Read loosely: a delta that is not a string (never seen) is left to the join; the next
    // append then does not add up to the text, and the store writes the whole text instead.
    if (typeof piece !== 'string' || piece === '') return;
    this.untaken.push(piece);
    this.total += piece.length;
  }

  get text(): string {
    if (this.pieces.length > 0) {
      this.joined += this.pieces.join('');
      this.pieces = [];
    }
    return this.joined;
  }

  /**
   * What was pushed since the last call, and where it starts. Taken before the write commits:
   * if that write is rolled back, the next append does not start where the stored text ends, and
   * the store writes the whole text instead (nothing is lost, one write costs more).
   */
  takeAppend(): TextAppend {
    const append = { from: this.takenTo, text: this.untaken.join('') };
    this.untaken = [];
    this.takenTo = this.total;
    return append;
  }
}
