// What a job carries besides its prompt: files (PDF, text, source code, CSV) and images, each
// stored once by its sha256 in the data directory (node/core/attachments) and listed here by
// that hash. The list is what Mull keeps and shows offline; the bytes are read when the create
// request is built.
import { z } from 'zod';

/** How an attachment is sent: `input_file` or `input_image`. */
export const AttachmentKind = z.enum(['file', 'image']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const JobAttachment = z.object({
  /** Lower-case hex sha256 of the bytes: the file's name in the attachment store. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'An attachment is named by its sha256.'),
  /** The file's name as the person gave it (shown, and sent as `filename`). */
  name: z.string().min(1).max(255),
  /** The media type found from the bytes, e.g. application/pdf, image/png, text/markdown. */
  mediaType: z.string().min(1).max(100),
  size: z.number().int().min(1),
  kind: AttachmentKind,
});
export type JobAttachment = z.infer<typeof JobAttachment>;

/** The most attachments one job carries. */
export const maxAttachmentsPerJob = 20;

export const JobAttachments = z.array(JobAttachment).max(maxAttachmentsPerJob);
export type JobAttachments = z.infer<typeof JobAttachments>;
