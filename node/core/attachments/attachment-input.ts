// The create body's `input` for a job with attachments: one user message holding the prompt as
// `input_text`, then each attachment in the order attached, as its plan says (attachment-plan.ts):
// inline, a file as `input_file` (filename + base64 data URL) and an image as `input_image` (data
// URL); or by the id the Files API gave it, `input_file` / `input_image` with `file_id` (the SDK's
// ResponseInputFile / ResponseInputImage; https://platform.openai.com/docs/guides/file-inputs,
// https://platform.openai.com/docs/guides/images-vision). engine/create-body.ts sends it on a
// first create.
import type { JobAttachment } from '../../../shared/job-attachments.js';
import type { InputFilePart, InputImagePart, InputMessage } from '../provider/responses-client.js';
import { planAttachments } from './attachment-plan.js';
import type { AttachmentReader } from './attachment-store.js';

/**
 * `fileIds`: the uploaded attachments' ids by sha256 (engine/attachment-uploads.ts), one for each
 * attachment the plan uploads.
 */
export function attachmentInput(
  prompt: string,
  attachments: readonly JobAttachment[],
  read: AttachmentReader,
  fileIds: ReadonlyMap<string, string> = new Map(),
): InputMessage[] {
  const content: Record<string, unknown>[] = [{ type: 'input_text', text: prompt }];
  for (const { attachment, route } of planAttachments(attachments)) {
    if (route === 'upload') {
      const fileId = fileIds.get(attachment.sha256);
      if (fileId === undefined) throw new Error(`"${attachment.name}" was not uploaded.`);
      content.push(
        attachment.kind === 'image'
          ? // `detail` is required by the SDK's type; `auto` is the API's default.
            ({ type: 'input_image', file_id: fileId, detail: 'auto' } satisfies InputImagePart)
          : ({ type: 'input_file', file_id: fileId } satisfies InputFilePart),
      );
      continue;
    }
    const dataUrl = `data:${attachment.mediaType};base64,${read(attachment.sha256).toString('base64')}`;
    content.push(
      attachment.kind === 'image'
        ? { type: 'input_image', image_url: dataUrl }
        : { type: 'input_file', filename: attachment.name, file_data: dataUrl },
    );
  }
  return [{ role: 'user', content }];
}
