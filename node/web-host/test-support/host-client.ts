// A client for the web host over raw HTTP (node:http, so Host, Origin and Cookie are exactly what a
// test says), recording every byte the host sends: headers, bodies and event streams.
import { request, type IncomingHttpHeaders } from 'node:http';
import { createParser } from 'eventsource-parser';
import type { Settled } from '../../../shared/ipc/envelope.js';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as the bytes it was (a stored attachment's, say). */
  bytes: Buffer;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send `Authorization: Bearer <token>` (default true). */
  auth?: boolean;
  /** Resolve on the response's head with an empty body, then drop it (an event stream never ends). */
  headOnly?: boolean;
}

export interface ReceivedEvent {
  event: string;
  data: unknown;
}

export class HostClient {
  /** Everything the host sent to this client, in order: header blocks, bodies, stream bytes. */
  readonly received: string[] = [];

  constructor(
    readonly origin: string,
    readonly token: string,
  ) {}

  get port(): number {
    return Number(new URL(this.origin).port);
  }

  request(path: string, options: RequestOptions = {}): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.origin}${path}`,
        { method: options.method ?? 'GET', headers: this.headersFor(options) },
        (res) => {
          this.received.push(JSON.stringify(res.headers));
          if (options.headOnly) {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: '',
              bytes: Buffer.alloc(0),
            });
            res.destroy();
            return;
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const body = bytes.toString('utf8');
            this.received.push(body);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytes });
          });
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  /** One request of the contract; resolves with the envelope as the host sent it. */
  async call(channel: string, payload: unknown): Promise<Settled<unknown>> {
    const res = await this.request(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return JSON.parse(res.body) as Settled<unknown>;
  }

  /** Opens `GET /api/events` and collects what arrives. */
  openEvents(): Promise<EventStreamReader> {
    return new Promise((resolve, reject) => {
      const req = request(`${this.origin}/api/events`, { headers: this.headersFor({}) }, (res) => {
        this.received.push(JSON.stringify(res.headers));
        resolve(new EventStreamReader(res, this.received, () => req.destroy()));
      });
      req.on('error', reject);
      req.end();
    });
  }

  private headersFor(options: RequestOptions): Record<string, string> {
    return {
      Host: `127.0.0.1:${this.port}`,
      ...(options.auth === false ? {} : { Authorization: `Bearer ${this.token}` }),
      ...options.headers,
    };
  }
}

export class EventStreamReader {
  readonly events: ReceivedEvent[] = [];
  raw = '';
  ended = false;
  private readonly waiters = new Set<() => boolean>();

  constructor(
    stream: NodeJS.ReadableStream,
    received: string[],
    private readonly abort: () => void,
  ) {
    const parser = createParser({
      onEvent: ({ event, data }) => {
        this.events.push({ event: event ?? 'message', data: JSON.parse(data) as unknown });
        this.wake();
      },
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      received.push(chunk);
      this.raw += chunk;
      parser.feed(chunk);
      this.wake();
    });
    stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Resolves once `done()` holds (checked now and after every chunk); fails after `timeoutMs`. */
  until(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!done()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out waiting for ${what}; got:\n${this.raw.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.abort();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
  }
}
