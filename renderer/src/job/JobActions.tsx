// What can be done to the open job: cancel (confirmed), retry, copy the answer, export, delete
// (confirmed). Each action says in words how it went.
import { Ban, Copy, Download, RotateCw, Trash } from 'lucide-react';
import { useState } from 'react';
import { isSettled, type Job } from '../../../shared/job.js';
import { useDeferredDelete } from '../app/deferred-delete.js';
import { useCancelJob, useDeleteJob, useExportJob, useRetryJob } from '../data/use-job-actions.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { downloadFile } from './download-file.js';

interface Props {
  job: Job;
  onOpen: (id: string) => void;
  onDeleted: () => void;
}

type Confirming = 'cancel' | 'delete' | null;

export function JobActions({ job, onOpen, onDeleted }: Props) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [note, setNote] = useState('');
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const remove = useDeleteJob();
  const deferredDelete = useDeferredDelete();
  const exportJob = useExportJob();
  const settled = isSettled(job.status);
  // The engine refuses to delete a job it is driving; waiting for a key or for its first send is fine.
  const deletable = settled || job.status === 'needs_key' || job.status === 'pending';

  const copyAnswer = async () => {
    try {
      await navigator.clipboard.writeText(job.answer);
      setNote('Answer copied.');
    } catch {
      setNote('The answer could not be copied: the clipboard is not available here.');
    }
  };

  const exportAs = (format: 'markdown' | 'json') =>
    exportJob.mutate(
      { id: job.id, format },
      {
        onSuccess: (file) => {
          downloadFile(file);
          setNote(`Exported ${file.filename}.`);
        },
      },
    );

  return (
    <div className="job-actions">
      <div className="job-actions__buttons" role="toolbar" aria-label="Job actions">
        {!settled && (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirming('cancel')}
          >
            <Icon of={Ban} /> Cancel job
          </button>
        )}
        {settled && (
          <button
            type="button"
            className="button"
            disabled={retry.isPending}
            onClick={() => retry.mutate(job.id, { onSuccess: (newJob) => onOpen(newJob.id) })}
          >
            <Icon of={RotateCw} /> Retry
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={job.answer === ''}
          onClick={() => void copyAnswer()}
        >
          <Icon of={Copy} /> Copy answer
        </button>
        <button
          type="button"
          className="button"
          disabled={exportJob.isPending}
          onClick={() => exportAs('markdown')}
        >
          <Icon of={Download} /> Export Markdown
        </button>
        <button
          type="button"
          className="button"
          disabled={exportJob.isPending}
          onClick={() => exportAs('json')}
        >
          <Icon of={Download} /> Export JSON
        </button>
        {deletable && (
          <button type="button" className="button" onClick={() => setConfirming('delete')}>
            <Icon of={Trash} /> Delete
          </button>
        )}
      </div>
      <p className="job-actions__note" role="status">
        {note}
      </p>
      <ErrorNote error={cancel.error} prefix="The job could not be cancelled." />
      <ErrorNote error={retry.error} prefix="The job could not be retried." />
      <ErrorNote error={remove.error} prefix="The job could not be deleted." />
      <ErrorNote error={exportJob.error} prefix="The job could not be exported." />

      <ConfirmDialog
        open={confirming === 'cancel'}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        cancelLabel="Keep running"
        destructive
        busy={cancel.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          setNote('Cancelling…');
          cancel.mutate(job.id, { onSettled: () => setNote('') });
        }}
      >
        <p>
          Mull asks the provider to stop it. Tokens the model has already used are still billed, and
          a cancelled job cannot be resumed (you can retry it as a new job).
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        title="Delete this job from this computer?"
        confirmLabel="Delete"
        destructive
        busy={remove.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          // In the app: hidden at once, deleted when the few seconds to undo it are over.
          if (deferredDelete) deferredDelete.remove({ id: job.id, title: job.title });
          else remove.mutate(job.id, { onSuccess: onDeleted });
        }}
      >
        <p>
          Its prompt, answer and history are removed from Mull (you can undo it for a few seconds).
          What it cost stays in Spend.
        </p>
      </ConfirmDialog>
    </div>
  );
}
