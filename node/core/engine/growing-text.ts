// A text that grows by small pieces (stream deltas): joined only when read, and able to say what
// was added since the last write without reading the whole text (a long answer arrives as
// hundreds of thousands of deltas, and a flush stores only what it adds: JobStore.update).
import type { TextAppend } from '../store/index.js';

export class GrowingText {
  private joined: string;
  /** The pieces since the last takeAppend, as strings, none empty. */
  private pieces: string[] = [];
  /** How many of `pieces` a read of the text has joined already (a read between two takes). */
  private joinedPieces = 0;
  /** Pieces were pushed since the text was last read (even empty ones: see `started`). */
  private waiting = false;
  private total: number;
  /** Where the text ended at the last takeAppend. */
  private takenTo: number;

  /** Starts from the stored text: what is stored is taken already. */
  constructor(stored: string) {
    this.joined = stored;
    this.total = stored.length;
    this.takenTo = stored.length;
  }

  /**
   * Text is stored, or pieces wait to be read (even empty ones): as the fold decided before
   * this class, so a message or summary part is set apart exactly when it was.
   */
  get started(): boolean {
    return this.joined !== '' || this.waiting;
  }

  push(piece: string): void {
    this.waiting = true;
    // Read loosely: a delta that is not a string (never seen) is written as Array.join writes it.
    const text = typeof piece === 'string' ? piece : [piece].join('');
    if (text === '') return;
    this.pieces.push(text);
    this.total += text.length;
  }

  get text(): string {
    this.waiting = false;
    this.joinRest();
    return this.joined;
  }

  /**
   * What was pushed since the last call, and where it starts. Taken before the write commits:
   * if that write is rolled back, the next append does not start where the stored text ends, and
   * the store writes the whole text instead (nothing is lost, one write costs more). Each piece
   * is joined once: the append is also what the text grows by.
   */
  takeAppend(): TextAppend {
    const text = this.pieces.join('');
    if (this.joinedPieces === 0) this.joined += text;
    else this.joinRest();
    this.pieces = [];
    this.joinedPieces = 0;
    const append = { from: this.takenTo, text };
    this.takenTo = this.total;
    return append;
  }

  private joinRest(): void {
    if (this.joinedPieces === this.pieces.length) return;
    this.joined += this.pieces.slice(this.joinedPieces).join('');
    this.joinedPieces = this.pieces.length;
  }
}
