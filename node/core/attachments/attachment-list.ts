// Checks one job's whole attachment list: how many, and that every file is in the store. Run
// before a job is stored, so a refused list stores and sends nothing. Their total size is not
// limited: what would not fit inline in one create request is uploaded (attachment-plan.ts).
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { AttachmentRefused } from './attachment-refused.js';
import { maxAttachmentsPerJob } from './attachment-limits.js';
import type { AttachmentStore } from './attachment-store.js';

export function checkAttachmentList(
  list: readonly JobAttachment[],
  store: Pick<AttachmentStore, 'has'>,
): void {
  if (list.length > maxAttachmentsPerJob) {
    throw new AttachmentRefused(
      `A job carries at most ${maxAttachmentsPerJob} attachments; this one has ${list.length}.`,
    );
  }
  for (const attachment of list) {
    if (!store.has(attachment.sha256)) {
      throw new AttachmentRefused(`"${attachment.name}" is not in the attachment store.`);
    }
  }
}
