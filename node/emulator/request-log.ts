// Every API request the emulator received, so a test can assert e.g. "created exactly once".
import type { RequestKind, StreamFault } from './script.js';
import type { UploadedFile } from './uploaded-files.js';

export interface LoggedRequest {
  /** The `x-request-id` the reply carried. */
  requestId: string;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  kind: RequestKind | 'unknown';
  responseId?: string;
  /** The HTTP status answered (0 while a stream is still open and headers not yet sent). */
  status: number;
  auth: 'bearer' | 'api-key' | 'none';
  /** The last four characters of the key; never the key. */
  keyLast4?: string;
  /** A JSON body as sent; an upload's multipart body is never kept (see `upload`). */
  body?: unknown;
  /** An upload (`POST /files`): what it carried, not its bytes, and the id it was given. */
  upload?: UploadedFile & { fileId?: string };
  /** The scripted stream fault this connection played, if any (its `kind`). */
  streamFault?: StreamFault['kind'];
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  list(filter: { kind?: string; responseId?: string } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (filter.kind === undefined || e.kind === filter.kind) &&
        (filter.responseId === undefined || e.responseId === filter.responseId),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
