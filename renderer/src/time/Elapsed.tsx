// A job's elapsed time, ticking with the shared clock while the job runs.
import { formatDuration } from '../format/duration.js';
import { elapsedMs, isRunning, type JobTimes } from './elapsed.js';
import { useNow } from './use-now.js';

export function Elapsed({ job }: { job: JobTimes }) {
  const running = isRunning(job);
  const now = useNow(running);
  return (
    <span className="elapsed" title={running ? 'Running for' : 'Took'}>
      {formatDuration(elapsedMs(job, now))}
    </span>
  );
}
