// Checks one job's whole attachment list: how many, how much in one request, and that every file
// is in the store. Run before a job is stored, so a refused list stores and sends nothing.
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { AttachmentRefused } from './attachment-refused.js';
import { maxAttachmentsPerJob, maxInlineBytesPerRequest } from './attachment-limits.js';
import type { AttachmentStore } from './attachment-store.js';

const mb = 1024 * 1024;

export function checkAttachmentList(
  list: readonly JobAttachment[],
  store: Pick<AttachmentStore, 'has'>,
): void {
  if (list.length > maxAttachmentsPerJob) {
    throw new AttachmentRefused(
      `A job carries at most ${maxAttachmentsPerJob} attachments; this one has ${list.length}.`,
    );
  }
  const total = list.reduce((sum, a) => sum + a.size, 0);
  if (total > maxInlineBytesPerRequest) {
    throw new AttachmentRefused(
      `The attachments come to ${(total / mb).toFixed(1)} MB; one job sends at most ${maxInlineBytesPerRequest / mb} MB.`,
    );
  }
  for (const attachment of list) {
    if (!store.has(attachment.sha256)) {
      throw new AttachmentRefused(`"${attachment.name}" is not in the attachment store.`);
    }
  }
}
