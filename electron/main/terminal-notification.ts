// The desktop notification for a job that reached a terminal status. No electron import.
import type { JobSummary } from '../../shared/job-query.js';

export interface NotificationText {
  title: string;
  body: string;
}

const maxBodyLength = 180;

function headline(job: JobSummary): string {
  switch (job.status) {
    case 'completed':
      return 'Answer ready';
    case 'incomplete':
      return 'Answer cut short';
    case 'failed':
      return 'Job failed';
    case 'cancelled':
      return 'Job cancelled';
    case 'expired':
      return 'Job expired';
    default:
      return 'Job finished';
  }
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** "Answer ready" / "Job failed"... with the job's title and, when it failed, why. */
export function terminalNotification(job: JobSummary): NotificationText {
  const title = shorten(job.title, 80) || 'Untitled job';
  const why =
    job.status === 'failed' && job.error
      ? job.error.message
      : job.status === 'incomplete' && job.incompleteReason
        ? `Stopped: ${job.incompleteReason.replace(/_/gu, ' ')}.`
        : job.status === 'completed'
          ? job.answerPreview
          : '';
  return {
    title: `${headline(job)}: ${title}`,
    body: shorten(why, maxBodyLength),
  };
}
