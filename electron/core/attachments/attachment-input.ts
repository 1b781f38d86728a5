// The create body's `input` for a job with attachments: one user message holding the prompt as
// `input_text`, then each file as `input_file` (filename + base64 data URL) and each image as
// `input_image` (data URL), in the order attached; engine/create-body.ts sends it on a first create.
import type { JobAttachment } from '../../../shared/job-attachments.js';
import type { InputMessage } from '../provider/responses-client.js';
import type { AttachmentReader } from './attachment-store.js';

export function attachmentInput(
  prompt: string,
  attachments: readonly JobAttachment[],
  read: AttachmentReader,
): InputMessage[] {
  const content: Record<string, unknown>[] = [{ type: 'input_text', text: prompt }];
  for (const attachment of attachments) {
    const dataUrl = `data:${attachment.mediaType};base64,${read(attachment.sha256).toString('base64')}`;
    content.push(
      attachment.kind === 'image'
        ? { type: 'input_image', image_url: dataUrl }
        : { type: 'input_file', filename: attachment.name, file_data: dataUrl },
    );
  }
  return [{ role: 'user', content }];
}
