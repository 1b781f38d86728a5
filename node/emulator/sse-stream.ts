// Writes a response's event log to one HTTP connection as Server-Sent Events, following the log
// live, and plays the scripted stream faults and byte chunking on the way.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Chunker } from './chunker.js';
import type { LoggedRequest } from './request-log.js';
import type { PositionedFault, ResponseRun } from './response-run.js';

/** Frames are batched into writes of about this size when no fault or chunking is in the way. */
const batchBytes = 64 * 1024;

/** Resets the TCP socket before any byte of the reply: the client learns nothing, not even a status. */
export function resetBeforeHeaders(res: ServerResponse, logEntry: LoggedRequest): void {
  logEntry.streamFault = 'reset-before-headers';
  res.socket?.resetAndDestroy();
}

/** Streams the log from index `firstIndex` (0 for a create, after the cursor for a resume). */
export async function streamEvents(
  run: ResponseRun,
  res: ServerResponse,
  firstIndex: number,
  logEntry: LoggedRequest,
): Promise<void> {
  if (run.takeHeaderFault()) {
    resetBeforeHeaders(res, logEntry);
    return;
  }
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

  let next = firstIndex;
  // An event inserted before our place (an error frame another connection fired) moves us along.
  const stopFollowing = run.onInsert((at) => {
    if (at < next) next++;
  });
  try {
    while (!closed.signal.aborted) {
      const fault = run.takeStreamFault(next - 1);
      if (fault) {
        logEntry.streamFault = fault.kind;
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
  } finally {
    stopFollowing();
  }
}

/** Plays one fault; returns true when the connection is finished. */
async function playFault(
  fault: PositionedFault,
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
    case 'end':
      res.end();
      return true;
    case 'stall':
      await sleep(fault.stallMs, undefined, { signal }).catch(() => undefined);
      return signal.aborted;
    case 'error-frame': {
      // Part of the log from now on, like a real error frame: it takes the next sequence number,
      // later events move up by one, and a resume after it does not see it again.
      const data =
        fault.shape === 'flat'
          ? { code: fault.code, message: fault.message, param: null }
          : { error: { type: fault.code, code: fault.code, message: fault.message, param: null } };
      const event = run.insertEvent(next, 'error', data);
      await write(Buffer.from(event.frame, 'utf8'));
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
