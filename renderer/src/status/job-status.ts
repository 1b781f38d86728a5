// How each lifecycle status looks: a word (never colour alone), an icon, a one-line explanation
// for a tooltip and screen readers, and a tone the stylesheet colours.
import {
  Ban,
  CalendarX,
  CircleCheck,
  CircleDashed,
  CircleQuestionMark,
  CircleX,
  Clock,
  Hourglass,
  KeyRound,
  LoaderCircle,
  RefreshCw,
  Send,
  ShieldX,
  Timer,
  type LucideIcon,
} from 'lucide-react';
import { JobStatus, type Job } from '../../../shared/job.js';
import { flexWaitPresentation, waitsForFlexCapacity } from './flex-wait.js';

export type StatusTone =
  'waiting' | 'active' | 'attention' | 'success' | 'warning' | 'danger' | 'muted';

export interface StatusPresentation {
  label: string;
  description: string;
  Icon: LucideIcon;
  tone: StatusTone;
  /** The icon turns (unless the person prefers reduced motion). */
  spins: boolean;
}

export const statusPresentation: Record<JobStatus, StatusPresentation> = {
  pending: {
    label: 'Pending',
    description: 'Saved; about to be sent.',
    Icon: Clock,
    tone: 'waiting',
    spins: false,
  },
  submitting: {
    label: 'Submitting',
    description: 'Sending the request to the provider.',
    Icon: Send,
    tone: 'waiting',
    spins: false,
  },
  queued: {
    label: 'Queued',
    description: 'The provider has the job and will start it soon.',
    Icon: Hourglass,
    tone: 'waiting',
    spins: false,
  },
  in_progress: {
    label: 'In progress',
    description: 'The model is working on it.',
    Icon: LoaderCircle,
    tone: 'active',
    spins: true,
  },
  reconnecting: {
    label: 'Reconnecting',
    description: 'The connection dropped; resuming where it left off.',
    Icon: RefreshCw,
    tone: 'attention',
    spins: true,
  },
  polling: {
    label: 'Polling',
    description: 'Streaming is not possible now; checking on the job regularly.',
    Icon: Timer,
    tone: 'attention',
    spins: false,
  },
  needs_key: {
    label: 'Needs key',
    description: 'The provider refused the API key; enter a valid key in Settings to resume.',
    Icon: KeyRound,
    tone: 'warning',
    spins: false,
  },
  unknown: {
    label: 'Unknown',
    description:
      'Mull stopped while sending this job, so it may or may not have reached the provider. Retry it if you want it.',
    Icon: CircleQuestionMark,
    tone: 'warning',
    spins: false,
  },
  completed: {
    label: 'Completed',
    description: 'Finished; the whole answer is here.',
    Icon: CircleCheck,
    tone: 'success',
    spins: false,
  },
  incomplete: {
    label: 'Incomplete',
    description: 'Stopped early (for example at the output token limit); the answer is partial.',
    Icon: CircleDashed,
    tone: 'warning',
    spins: false,
  },
  failed: {
    label: 'Failed',
    description: 'The provider ended the job with an error.',
    Icon: CircleX,
    tone: 'danger',
    spins: false,
  },
  cancelled: {
    label: 'Cancelled',
    description: 'Cancelled on the provider.',
    Icon: Ban,
    tone: 'muted',
    spins: false,
  },
  expired: {
    label: 'Expired',
    description: 'The provider no longer has this job; what arrived before is kept here.',
    Icon: CalendarX,
    tone: 'muted',
    spins: false,
  },
};

/** Statuses in the order the filter lists them: running first, then endings (the schema's order). */
export const statusFilterOrder: readonly JobStatus[] = JobStatus.options;

/**
 * A completed job whose answer is a refusal: the server says "completed", but the person should
 * not read it as answered. Shown wherever a status badge is, instead of "Completed".
 */
export const refusedPresentation: StatusPresentation = {
  label: 'Refused',
  description: 'Finished, but the model declined to answer; its refusal is shown in the job.',
  Icon: ShieldX,
  tone: 'warning',
  spins: false,
};

/** True when the job completed with a refusal (its output items say so). */
export function isRefused(job: Pick<Job, 'status' | 'outputDigest'>): boolean {
  return job.status === 'completed' && job.outputDigest?.refused === true;
}

/**
 * How a job's badge looks: its status, "Refused" for a completed refusal, or "Waiting for flex
 * capacity" for a flex job refused for lack of capacity (flex-wait.ts).
 */
export function presentationOf(
  job: Pick<Job, 'status' | 'outputDigest'> & Partial<Pick<Job, 'error'>>,
): StatusPresentation {
  if (job.error !== undefined && waitsForFlexCapacity({ status: job.status, error: job.error }))
    return flexWaitPresentation;
  return isRefused(job) ? refusedPresentation : statusPresentation[job.status];
}
