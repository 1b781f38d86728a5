// Why a new job's attachments cannot go, as one sentence, before anything is stored: too many,
// not in the attachment store, or an image for a model without image input. (Their total size is
// not refused: what does not fit inline is uploaded through the Files API.)
import type { ParsedNewJob } from '../../../shared/job.js';
import {
  AttachmentRefused,
  checkAttachmentList,
  type AttachmentStore,
} from '../attachments/index.js';

/** Models that take text only (OpenAI's model pages list no image input for these). */
const textOnlyModels: ReadonlySet<string> = new Set(['o3-mini']);

export function attachmentsRefusal(
  input: Pick<ParsedNewJob, 'attachments' | 'model'>,
  store: Pick<AttachmentStore, 'has'>,
): string | undefined {
  const list = input.attachments ?? [];
  if (list.length === 0) return undefined;
  const image = list.find((attachment) => attachment.kind === 'image');
  if (image && textOnlyModels.has(input.model)) {
    return `${input.model} takes no image input, so "${image.name}" cannot be sent to it.`;
  }
  try {
    checkAttachmentList(list, store);
  } catch (error) {
    if (error instanceof AttachmentRefused) return error.message;
    throw error;
  }
  return undefined;
}
