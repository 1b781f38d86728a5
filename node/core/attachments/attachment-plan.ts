// How each of a job's attachments reaches the model: inline in the create body (base64) or
// uploaded first through the Files API and named by its file id. OpenAI takes at most 50 MB of
// inline file content in one request (attachment-limits.ts), while an uploaded file counts only as
// its id; so attachments go inline, in the order attached, while the inline total stays within that
// limit, and each one that would pass it is uploaded instead. A later, smaller one that still fits
// goes inline. A job of 20 files of 50 MB each is then one inline and 19 uploads.
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { maxInlineBytesPerRequest } from './attachment-limits.js';

export type AttachmentRoute = 'inline' | 'upload';

export interface PlannedAttachment {
  attachment: JobAttachment;
  route: AttachmentRoute;
}

/** Each attachment in order with its route; pure, so a job's plan is the same on every try. */
export function planAttachments(
  attachments: readonly JobAttachment[],
  maxInlineBytes = maxInlineBytesPerRequest,
): PlannedAttachment[] {
  let inlineBytes = 0;
  return attachments.map((attachment) => {
    if (inlineBytes + attachment.size > maxInlineBytes) return { attachment, route: 'upload' };
    inlineBytes += attachment.size;
    return { attachment, route: 'inline' };
  });
}

/** The attachments a job uploads, once per distinct file (the same bytes attached twice). */
export function attachmentsToUpload(attachments: readonly JobAttachment[]): JobAttachment[] {
  const bySha = new Map<string, JobAttachment>();
  for (const { attachment, route } of planAttachments(attachments)) {
    if (route === 'upload' && !bySha.has(attachment.sha256))
      bySha.set(attachment.sha256, attachment);
  }
  return [...bySha.values()];
}
