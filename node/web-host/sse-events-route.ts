// `GET /api/events`: every backend event as Server-Sent Events. Written by hand: the format is four
// kinds of line, the backend pushes events already on disk, and a library (better-sse and the like)
// would add channels and replay this host does not need. The browser's EventSource reconnects by
// itself; after a reconnect the page refetches its snapshot, as it does at start.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventChannel, EventOf } from '../../shared/ipc/contract.js';
import { eventJson } from '../backend/event-json.js';

/** How long EventSource waits before reconnecting after the stream drops. */
const retryMs = 2_000;
/** A comment line this often keeps idle streams from being cut by proxies and shows a dead peer. */
export const defaultHeartbeatMs = 15_000;
/** A page that stops reading (a frozen tab) is cut loose past this much unsent data; it reconnects. */
const maxBufferedBytes = 8 * 1024 * 1024;

export interface EventSourceLike {
  onEvent(listener: <E extends EventChannel>(event: E, payload: EventOf<E>) => void): () => void;
}

export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(source: EventSourceLike, heartbeatMs = defaultHeartbeatMs) {
    this.unsubscribe = source.onEvent((event, payload) => {
      // JSON.stringify escapes every line break, so the data is always one `data:` line.
      this.broadcast(`event: ${event}\ndata: ${eventJson(payload)}\n\n`);
    });
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Turns this response into an event stream until the page goes away or the host closes. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(`retry: ${retryMs}\n: connected\n\n`);
    this.clients.add(res);
    const forget = () => this.clients.delete(res);
    req.on('close', forget);
    res.on('error', forget);
  }

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream; the pages' EventSources will try again (and find the next host, if any). */
  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    this.writeWaiting(); // what was told before the close still reaches the pages
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /** Frames told in this turn, written together at its end (one write per page, not per event). */
  private waiting: string[] = [];

  private broadcast(frame: string): void {
    if (this.waiting.length === 0) setImmediate(() => this.writeWaiting());
    this.waiting.push(frame);
  }

  private writeWaiting(): void {
    const frames = this.waiting.join('');
    this.waiting = [];
    for (const res of this.clients) {
      if (res.writableLength > maxBufferedBytes) {
        this.clients.delete(res);
        res.destroy();
        continue;
      }
      res.write(frames);
    }
  }
}
