// The attachment store: each file kept once under `<dataDir>/attachments/<sha256>`, named by the
// hash of its bytes, so the same file attached to many jobs is stored once and a stored job can
// always be checked against the bytes it was sent with (attachment-integrity.ts).
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { AttachmentRefused } from './attachment-refused.js';
import { maxInlineAttachmentBytes, tooLargeSentence } from './attachment-limits.js';
import { detectType } from './detect-type.js';

export function attachmentsDirOf(dataDir: string): string {
  return join(dataDir, 'attachments');
}

/** A file's name as it is shown and sent: its last path part, at most 255 characters. */
export function shownAttachmentName(name: string): string {
  return basename(name.replaceAll('\\', '/')).slice(0, 255) || 'attachment';
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a stored attachment's bytes (the create body is built from these). */
export type AttachmentReader = (sha256: string) => Buffer;

export class AttachmentStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = attachmentsDirOf(dataDir);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/u.test(sha256))
      throw new AttachmentRefused('That is not an attachment id.');
    return join(this.dir, sha256);
  }

  has(sha256: string): boolean {
    try {
      return statSync(this.pathOf(sha256)).isFile();
    } catch {
      return false;
    }
  }

  read: AttachmentReader = (sha256) => readFileSync(this.pathOf(sha256));

  /** Checks and stores bytes given a file name; the same bytes again are stored once. */
  add(name: string, bytes: Uint8Array): JobAttachment {
    const shown = shownAttachmentName(name);
    if (bytes.length === 0) throw new AttachmentRefused(`"${shown}" is empty.`);
    if (bytes.length > maxInlineAttachmentBytes) {
      throw new AttachmentRefused(tooLargeSentence(shown, bytes.length));
    }
    const detected = detectType(shown, bytes);
    if ('refused' in detected) throw new AttachmentRefused(detected.refused);
    const sha256 = sha256Of(bytes);
    if (!this.has(sha256)) this.writeAtomically(sha256, bytes);
    return {
      sha256,
      name: shown,
      mediaType: detected.mediaType,
      size: bytes.length,
      kind: detected.kind,
    };
  }

  /** Reads a file from disk and stores it (`mull submit --attach FILE`). */
  addFile(path: string): JobAttachment {
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new AttachmentRefused(`"${path}" is not a file.`);
      size = stat.size;
    } catch (error) {
      if (error instanceof AttachmentRefused) throw error;
      throw new AttachmentRefused(`"${path}" cannot be read.`);
    }
    // Refused before reading: a 2 GB file is not read into memory just to be refused.
    if (size > maxInlineAttachmentBytes) {
      throw new AttachmentRefused(tooLargeSentence(basename(path), size));
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new AttachmentRefused(`"${path}" cannot be read.`);
    }
    return this.add(basename(path), bytes);
  }

  /** A temp file then a rename: a crash never leaves a partial file under a hash's name. */
  private writeAtomically(sha256: string, bytes: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const temp = join(this.dir, `.${sha256}.${randomUUID()}.tmp`);
    try {
      writeFileSync(temp, bytes, { flag: 'wx' });
      renameSync(temp, this.pathOf(sha256));
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }
}
