// The attachment half of a data directory's integrity check: every attachment a stored job lists
// is in the store and still has the bytes it was sent with (its sha256).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import type { AttachmentStore } from './attachment-store.js';

export interface AttachmentProblem {
  jobId: string;
  attachment: JobAttachment;
  problem: 'missing' | 'altered';
}

async function hashFile(path: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** Each job's attachments checked once per distinct file; [] when all are sound. */
export async function checkAttachmentIntegrity(
  jobs: Iterable<{ id: string; attachments: readonly JobAttachment[] }>,
  store: Pick<AttachmentStore, 'pathOf'>,
): Promise<AttachmentProblem[]> {
  const verdicts = new Map<string, 'ok' | 'missing' | 'altered'>();
  const problems: AttachmentProblem[] = [];
  for (const job of jobs) {
    for (const attachment of job.attachments) {
      let verdict = verdicts.get(attachment.sha256);
      if (verdict === undefined) {
        const actual = await hashFile(store.pathOf(attachment.sha256));
        verdict =
          actual === undefined ? 'missing' : actual === attachment.sha256 ? 'ok' : 'altered';
        verdicts.set(attachment.sha256, verdict);
      }
      if (verdict !== 'ok') problems.push({ jobId: job.id, attachment, problem: verdict });
    }
  }
  return problems;
}

/** One sentence per problem, for the CLI and the app. */
export function describeAttachmentProblem(p: AttachmentProblem): string {
  return p.problem === 'missing'
    ? `Job ${p.jobId}: attachment "${p.attachment.name}" is missing from the store.`
    : `Job ${p.jobId}: attachment "${p.attachment.name}" was altered (its sha256 no longer matches).`;
}
