// Files and images the page stores in the attachment store (node/core/attachments), and their
// bytes read back for thumbnails, for both transports. Bytes never travel inside the JSON contract
// (base64 would make a 50 MB PDF 67 MB of JSON, past the web host's 8 MB body limit): the web host
// takes them as a raw request body, Electron's IPC as a Uint8Array (structured clone carries it).
// Each answer is a settled envelope, like the contract's, so the page's errors are the same.
import type { Settled } from '../../shared/ipc/envelope.js';
import type { JobAttachment } from '../../shared/job-attachments.js';
import {
  AttachmentRefused,
  detectType,
  maxInlineAttachmentBytes,
  shownAttachmentName,
  tooLargeSentence,
  type AttachmentStore,
} from '../core/attachments/index.js';
import { failureOf, type Logger } from './dispatch.js';

const mb = 1024 * 1024;

/**
 * The most a transport reads of one upload: just above the inline limit, so a file a little too
 * large still reaches the store and gets its own sentence (with its size), and nothing far larger
 * is ever held in memory.
 */
export const uploadLimitBytes = maxInlineAttachmentBytes + mb;

/** A stored file's bytes and the media type they are served as. */
export interface StoredBytes {
  bytes: Buffer;
  mediaType: string;
}

/**
 * Asynchronous because the store may live on the backend's worker thread (backend-thread.ts):
 * hashing a 50 MB file there keeps the host thread free.
 */
export interface AttachmentFiles {
  /** Stores an upload; a refusal is REFUSED with the store's one sentence, nothing stored. */
  store(name: unknown, bytes: unknown): Promise<Settled<JobAttachment>>;
  /** An upload a transport did not read whole (over uploadLimitBytes): refused, nothing stored. */
  refuseTooLarge(name: string, size: number): Settled<never>;
  /** The bytes stored under a sha256; NOT_FOUND for anything else (never a path). */
  read(sha256: unknown): Promise<Settled<StoredBytes>>;
}

/** The part of a backend the transports reach the store through. */
export interface HasAttachmentFiles {
  readonly files: AttachmentFiles;
}

const shaPattern = /^[0-9a-f]{64}$/u;

const refused = (message: string): Settled<never> => ({
  ok: false,
  error: { code: 'REFUSED', message },
});

const badRequest = (message: string): Settled<never> => ({
  ok: false,
  error: { code: 'BAD_REQUEST', message },
});

const notFound: Settled<never> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: 'There is no such attachment.' },
};

export function attachmentFiles(store: AttachmentStore, log: Logger): AttachmentFiles {
  const files = attachmentFilesNow(store, log);
  return {
    store: (name, bytes) => Promise.resolve().then(() => files.store(name, bytes)),
    refuseTooLarge,
    read: (sha256) => Promise.resolve().then(() => files.read(sha256)),
  };
}

/** The same, answered synchronously on the store's own thread. */
function attachmentFilesNow(store: AttachmentStore, log: Logger) {
  return {
    store(name: unknown, bytes: unknown): Settled<JobAttachment> {
      if (typeof name !== 'string' || name.length === 0 || name.length > 4096) {
        return badRequest("An attachment needs the file's name.");
      }
      const view = bytesOf(bytes);
      if (view === undefined) return badRequest("An attachment's content must be bytes.");
      try {
        return { ok: true, value: store.add(name, view) };
      } catch (error) {
        if (error instanceof AttachmentRefused) return refused(error.message);
        // A full disk or a permission problem: said generically, the details to the log.
        const failure = failureOf(error);
        log(`storing an attachment failed (${failure.code})`, error);
        return { ok: false, error: failure };
      }
    },
    read(sha256: unknown): Settled<StoredBytes> {
      // Checked here, before the store builds a path from it: only a sha256 names a file.
      if (typeof sha256 !== 'string' || !shaPattern.test(sha256) || !store.has(sha256)) {
        return notFound;
      }
      try {
        const bytes = store.read(sha256);
        return { ok: true, value: { bytes, mediaType: servedType(bytes) } };
      } catch (error) {
        log('reading an attachment failed', error);
        return notFound; // removed between the check and the read
      }
    },
  };
}

/** The store's own sentence for a file over the limit, said without reading the file. */
export function refuseTooLarge(name: string, size: number): Settled<never> {
  return refused(tooLargeSentence(shownAttachmentName(name), size));
}

/** A Uint8Array as is, an ArrayBuffer viewed whole; anything else is not bytes. */
function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

/**
 * The store keeps bytes only (a job's list holds the media type it was sent as). From the bytes
 * alone: a PDF or an image by its magic number, exactly as the store found it; any other text as
 * plain UTF-8 text (Markdown, CSV and source code look alike without their names); else opaque.
 */
function servedType(bytes: Uint8Array): string {
  const byMagic = detectType('', bytes); // no extension: only a magic number can match
  if (!('refused' in byMagic)) return byMagic.mediaType;
  const asText = detectType('stored.txt', bytes); // the store's own UTF-8-without-NUL test
  return 'refused' in asText ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}
