// How long the server keeps a response: OpenAI keeps stored responses (background mode needs
// `store: true`) for 30 days by default (its data-controls guide; README, "Using Mull"). After
// that a follow-up cannot continue the conversation there (`previous_response_id` finds
// nothing), while Mull's own copy of the job stays on this computer.

export const serverRetentionDays = 30;
const dayMs = 24 * 60 * 60 * 1_000;

/** When the server's copy of a job's response goes (counted from when it was made there). */
export function serverCopyExpiresAt(job: {
  createdAt: number;
  submittedAt: number | null;
}): number {
  return (job.submittedAt ?? job.createdAt) + serverRetentionDays * dayMs;
}

export function serverCopyExpired(
  job: { createdAt: number; submittedAt: number | null },
  now = Date.now(),
): boolean {
  return now >= serverCopyExpiresAt(job);
}
