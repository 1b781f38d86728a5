// The uploads a job's create needs, before the create window opens (create-phase.ts): each
// attachment the plan sends by file id (attachments/attachment-plan.ts) is uploaded through the
// Files API unless this provider already has it, and remembered at once (uploaded_files,
// migration 11), so a create sent again, a retry or another job with the same file and provider
// names the same id without uploading it again. An upload is not a paid job: nothing here can
// leave a job "unknown", and a failed upload is safe to try again.
import type { Job } from '../../../shared/job.js';
import { attachmentsToUpload, type AttachmentReader } from '../attachments/index.js';
import type { ResponsesClient } from '../provider/responses-client.js';
import { classifyUploadFailure, type UploadFailure } from '../provider/upload-failure.js';

/** The provider's file ids of uploaded attachments, by sha256 (implemented by the JobStore). */
export interface UploadedFiles {
  uploadedFileId(providerId: string, sha256: string): string | undefined;
  rememberUpload(providerId: string, sha256: string, fileId: string): void;
  forgetUploads(providerId: string, sha256s: readonly string[]): void;
}

export interface UploadDeps {
  client: Pick<ResponsesClient, 'uploadFile'>;
  uploads: UploadedFiles;
  read: AttachmentReader;
}

export type UploadOutcome =
  /**
   * Every planned upload has its file id (sha256 -> id; empty when nothing is uploaded); `reused`:
   * the sha256s whose id was remembered from an earlier upload rather than uploaded now.
   */
  | { kind: 'ready'; fileIds: ReadonlyMap<string, string>; reused: readonly string[] }
  /** The upload was aborted (shutdown, cancel): the driver's loop decides what comes next. */
  | { kind: 'aborted' }
  | UploadFailure;

/** Uploads what the job's plan sends by id and has not been uploaded to this provider yet. */
export async function uploadAttachments(
  job: Pick<Job, 'providerId' | 'attachments'>,
  deps: UploadDeps,
  signal: AbortSignal,
): Promise<UploadOutcome> {
  const fileIds = new Map<string, string>();
  const reused: string[] = [];
  for (const attachment of attachmentsToUpload(job.attachments)) {
    const known = deps.uploads.uploadedFileId(job.providerId, attachment.sha256);
    if (known !== undefined) {
      fileIds.set(attachment.sha256, known);
      reused.push(attachment.sha256);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = deps.read(attachment.sha256);
    } catch {
      // Removed from the data directory by hand since the job was stored: nothing can send it.
      return {
        kind: 'permanent',
        code: 'attachment_missing',
        message: `"${attachment.name}" is no longer in the attachment store, so it cannot be uploaded.`,
      };
    }
    let fileId: string;
    try {
      fileId = await deps.client.uploadFile(attachment.name, bytes, attachment.mediaType, signal);
    } catch (error) {
      if (signal.aborted) return { kind: 'aborted' };
      return classifyUploadFailure(error, attachment.name);
    }
    // Remembered before the next upload: a failure further on does not upload this one again.
    deps.uploads.rememberUpload(job.providerId, attachment.sha256, fileId);
    fileIds.set(attachment.sha256, fileId);
  }
  return { kind: 'ready', fileIds, reused };
}
