// What a person should know about a job beyond its badge: its error, why it stopped early, and
// what to do when it waits on them (a key; for a job of unknown fate, its response id).
import type { Job } from '../../../shared/job.js';
import { waitsForFlexCapacity } from '../../../shared/tier-price.js';
import { AttachUnknownForm } from './AttachUnknownForm.js';
import { FlexCapacityNote } from './FlexCapacityNote.js';

interface Props {
  job: Job;
  onOpen: (id: string) => void;
  onOpenSettings: () => void;
}

export function JobNotes({ job, onOpen, onOpenSettings }: Props) {
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
      {job.status === 'unknown' && <AttachUnknownForm job={job} onOpen={onOpen} />}
      {waitsForFlexCapacity(job) && <FlexCapacityNote job={job} />}
      {job.error && !waitsForFlexCapacity(job) && (
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
