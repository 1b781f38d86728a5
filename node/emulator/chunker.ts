// Cuts a stream's bytes into seeded random pieces (and inside UTF-8 characters), each its own
// flushed write, so clients meet every way TCP can split a frame.
import type { ServerResponse } from 'node:http';
import type { Chunking } from './script.js';

/** Cuts bytes into seeded random pieces (and inside UTF-8 characters), one flushed write each. */
export class Chunker {
  private state: number;
  constructor(private readonly opts: Chunking) {
    this.state = opts.seed >>> 0 || 1;
  }

  async write(res: ServerResponse, bytes: Buffer, signal: AbortSignal): Promise<void> {
    for (const piece of this.cut(bytes)) {
      if (signal.aborted) return;
      await new Promise<void>((resolve) => res.write(piece, () => resolve()));
      // Let the event loop pass its I/O phase (a reader in this process gets to read) before the
      // next piece, so pieces tend to arrive as separate reads rather than coalesced.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private cut(bytes: Buffer): Buffer[] {
    const cuts = new Set<number>();
    if (this.opts.maxBytes !== undefined) {
      for (let at = 0; at < bytes.length;) {
        at += 1 + (this.random() % this.opts.maxBytes);
        if (at < bytes.length) cuts.add(at);
      }
    }
    if (this.opts.splitUtf8) {
      // A UTF-8 continuation byte is 10xxxxxx: cutting before one lands inside a character.
      for (let i = 1; i < bytes.length; i++) {
        if (((bytes[i] as number) & 0xc0) === 0x80 && ((bytes[i - 1] as number) & 0xc0) !== 0x80)
          cuts.add(i);
      }
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: Buffer[] = [];
    let from = 0;
    for (const at of sorted) {
      pieces.push(bytes.subarray(from, at));
      from = at;
    }
    pieces.push(bytes.subarray(from));
    return pieces;
  }

  /** xorshift32: small, seeded, reproducible. */
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
}
