// OpenAI's limits on what a job may carry, as constants Mull checks before anything is stored.
//
// - Inline files (`input_file` with `file_data`) and images (`input_image` with a data URL): the
//   file inputs guide (https://platform.openai.com/docs/guides/file-inputs, "File size limits")
//   and the images and vision guide (https://platform.openai.com/docs/guides/images-vision,
//   "Image input requirements") give 50 MB per file and 50 MB of file content per request. The
//   stored copies of those pages searched on 2026-12-02 did not show the figure itself; it is
//   taken from the guides as last read and is the tighter of the two readings.
// - The Files API (https://platform.openai.com/docs/api-reference/files/create): "Individual
//   files can be up to 512 MB" (purpose `user_data` for model inputs). Attachments that would put a
//   create request past the inline total are uploaded there first and sent by file id
//   (attachment-plan.ts), so a job may carry 20 files of 50 MB each; the per-file cap stays the
//   inline one, so any file can still go inline.
import { formatFileSize } from '../../../shared/file-size.js';
import { maxAttachmentsPerJob } from '../../../shared/job-attachments.js';

const mb = 1024 * 1024;

/** The largest file or image Mull sends inline (base64 in the create body). */
export const maxInlineAttachmentBytes = 50 * mb;

/** The most file content one create request carries inline (all attachments together). */
export const maxInlineBytesPerRequest = 50 * mb;

/** The Files API's own limit per file (purpose `user_data`); above Mull's own per-file cap. */
export const maxUploadedFileBytes = 512 * mb;

export { maxAttachmentsPerJob };

/** The sentence for a file over the per-file limit (the store's and the page's upload alike). */
export function tooLargeSentence(shownName: string, size: number): string {
  return `"${shownName}" is ${formatFileSize(size)}; the most Mull sends is ${maxInlineAttachmentBytes / mb} MB.`;
}
