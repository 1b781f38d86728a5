// `mull submit --attach FILE` (repeatable): files and images stored in the data directory's
// attachment store by their sha256 and sent with the job; a file that cannot go is one sentence
// (exit 2) and no job is stored or sent.
import type { JobAttachment } from '../../shared/job-attachments.js';
import { AttachmentRefused, AttachmentStore } from '../core/attachments/index.js';
import { UsageError } from './cli-errors.js';

export const attachFlagHelp = `  --attach FILE              send FILE with the prompt (repeatable): PDF, text, Markdown, CSV,
                             source code, or a PNG, JPEG, WebP or GIF image; kept with the job`;

export function attachedFiles(
  dataDir: string,
  files: readonly string[] | undefined,
): JobAttachment[] {
  if (!files || files.length === 0) return [];
  const store = new AttachmentStore(dataDir);
  return files.map((file) => {
    try {
      return store.addFile(file);
    } catch (error) {
      if (error instanceof AttachmentRefused) throw new UsageError(error.message);
      throw error;
    }
  });
}
