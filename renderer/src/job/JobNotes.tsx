// What a person should know about a job beyond its badge: its error, why it stopped early, and
// what to do when it waits on them.
import type { Job } from '../../../shared/job.js';

export function JobNotes({ job, onOpenSettings }: { job: Job; onOpenSettings: () => void }) {
  return (
    <>
      {job.status === 'needs_key' && (
        <div className="job-note job-note--warning">
          <p>
            The provider refused the API key. The job is paused, not lost: enter a valid key and it
            resumes where it stopped.
          </p>
          <button type="button" className="button" onClick={onOpenSettings}>
            Open settings
          </button>
        </div>
      )}
      {job.status === 'unknown' && (
        <p className="job-note job-note--warning">
          Mull stopped while sending this job, so it may or may not have reached the provider. It is
          not sent again by itself (that could bill it twice): retry it if you still need it.
        </p>
      )}
      {job.error && (
        <p className="job-note job-note--danger">
          <strong>Error:</strong> {job.error.message}{' '}
          <span className="muted">({job.error.code})</span>
        </p>
      )}
      {job.incompleteReason && (
        <p className="job-note job-note--warning">
          Stopped early: {job.incompleteReason.replaceAll('_', ' ')}. The answer below is partial.
        </p>
      )}
    </>
  );
}
