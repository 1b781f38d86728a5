// Writes a response's event log to one HTTP connection as Server-Sent Events, following the log
// live, and plays the scripted stream faults and byte chunking on the way.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResponseRun } from './response-run.js';
import type { Chunking, StreamFault } from './script.js';

/** Frames are batched into writes of about this size when no fault or chunking is in the way. */
const batchBytes = 64 * 1024;

export async function streamEvents(
  run: ResponseRun,
  res: ServerResponse,
  firstSeq: number,
  logEntry: { status: number },
): Promise<void> {
  const closed = new AbortController();
  res.on('close', () => closed.abort());
  res.socket?.setNoDelay(true);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  logEntry.status = 200; // logged as open while the stream is still going
  const chunker = run.script.chunking ? new Chunker(run.script.chunking) : undefined;
  const write = (bytes: Buffer): Promise<void> =>
    chunker
      ? chunker.write(res, bytes, closed.signal)
      : writeWithBackpressure(res, bytes, closed.signal);

  let next = firstSeq;
  try {
    while (!closed.signal.aborted) {
      const fault = run.takeStreamFault(next - 1);
      if (fault) {
        const ended = await playFault(fault, run, res, next, write, closed.signal);
        if (ended) return;
        continue;
      }
      if (next < run.releasedCount) {
        const faultSeq = run.nextFaultSeq(next, run.releasedCount - 1);
        const last = faultSeq ?? run.releasedCount - 1;
        const frames: string[] = [];
        let size = 0;
        while (next <= last && size < batchBytes) {
          const frame = run.event(next)?.frame ?? '';
          frames.push(frame);
          size += frame.length;
          next++;
        }
        await write(Buffer.from(frames.join(''), 'utf8'));
        continue;
      }
      if (run.isClosed) {
        res.end();
        return;
      }
      await run.waitForChange(closed.signal);
    }
  } catch (error) {
    if (!closed.signal.aborted) throw error;
  }
}

/** Plays one fault; returns true when the connection is finished. */
async function playFault(
  fault: StreamFault,
  run: ResponseRun,
  res: ServerResponse,
  next: number,
  write: (bytes: Buffer) => Promise<void>,
  signal: AbortSignal,
): Promise<boolean> {
  switch (fault.kind) {
    case 'reset':
      // Hand every written byte to the kernel first: a reset discards what is still buffered.
      await flushed(res);
      res.socket?.resetAndDestroy();
      return true;
    case 'close-mid-frame': {
      while (
        run.upcomingEvent(next) !== undefined &&
        run.event(next) === undefined &&
        !signal.aborted
      ) {
        await run.waitForChange(signal);
      }
      const frame = run.event(next)?.frame;
      if (frame !== undefined) {
        const bytes = Buffer.from(frame, 'utf8');
        await write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
      }
      res.end();
      return true;
    }
    case 'stall':
      await sleep(fault.stallMs, undefined, { signal }).catch(() => undefined);
      return signal.aborted;
    case 'error-frame': {
      // Numbered like the next event but never part of the log: a client that moves its cursor
      // to an error frame's number skips a real event on resume.
      const sequence_number = next;
      const data =
        fault.shape === 'flat'
          ? {
              type: 'error',
              code: fault.code,
              message: fault.message,
              param: null,
              sequence_number,
            }
          : {
              type: 'error',
              error: { type: fault.code, code: fault.code, message: fault.message, param: null },
              sequence_number,
            };
      await write(Buffer.from(`event: error\ndata: ${JSON.stringify(data)}\n\n`, 'utf8'));
      res.end();
      return true;
    }
  }
}

/** Resolves once Node has handed everything written so far to the kernel. */
async function flushed(res: ServerResponse): Promise<void> {
  const socket = res.socket;
  while (socket && !socket.destroyed && (socket.writableLength > 0 || socket.writableCorked > 0)) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function writeWithBackpressure(
  res: ServerResponse,
  bytes: Buffer,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  if (res.write(bytes)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Cuts bytes into seeded random pieces (and inside UTF-8 characters), one flushed write each. */
class Chunker {
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
