// `mull wait`'s progress on a terminal: one line on stderr, rewritten in place, with the job's
// status, its tokens so far and the time since it was sent ("1a2b3c4d in progress · about 1,200
// tokens so far · 2m 05s"). Nothing is written when stderr is not a terminal (a pipe, a log file).
import type { Job } from '../../shared/job.js';
import { shortId } from './job-format.js';

export interface ProgressLine {
  /** The job as it now is (a change event, or a row read again). */
  update(job: Job): void;
  /** Clears the line, so what is said next starts on a clean line. */
  stop(): void;
}

/** Rough: about four characters of English text per token, until the server counts them. */
const charsPerToken = 4;

export function progressLine(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  now: () => number = Date.now,
): ProgressLine {
  if (stream.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  let last: Job | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const draw = () => {
    if (last) stream.write(`\r\x1b[K${describe(last, now())}`);
  };
  return {
    update(job) {
      last = job;
      draw();
      // The elapsed time moves on between changes.
      ticker ??= setInterval(draw, 1000).unref();
    },
    stop() {
      clearInterval(ticker);
      ticker = undefined;
      if (last) stream.write('\r\x1b[K');
      last = undefined;
    },
  };
}

export function describe(job: Job, at: number): string {
  const tokens =
    job.usage !== null
      ? `${job.usage.totalTokens.toLocaleString('en-US')} tokens`
      : `about ${Math.round((job.answer.length + job.reasoningSummary.length) / charsPerToken).toLocaleString('en-US')} tokens so far`;
  const since = job.submittedAt ?? job.createdAt;
  return `${shortId(job.id)} ${job.status.replace('_', ' ')} · ${tokens} · ${elapsed(at - since)}`;
}

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  return m > 0 ? `${m}m ${pad(s)}s` : `${s}s`;
}
