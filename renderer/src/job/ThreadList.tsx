// The conversation a job belongs to, read as one: each turn's question and the start of its
// answer, oldest first, with the model that answered. The open job's turn is marked (its whole
// answer is below); any other turn opens on a click.
import { type JobSummary } from '../../../shared/job-summary.js';
import { isSettled } from '../../../shared/job.js';
import { isRefused, statusPresentation } from '../status/job-status.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';

interface Props {
  thread: readonly JobSummary[];
  currentId: string;
  onOpen: (id: string) => void;
}

/** What a turn says for its answer: its start, or where the job is when it has none. */
export function turnAnswerText(job: JobSummary): string {
  if (job.answerPreview !== '') return job.answerPreview;
  if (!isSettled(job.status)) return 'Thinking…';
  return `No answer (${statusPresentation[job.status].label.toLowerCase()}).`;
}

function Turn({ job, step, current }: { job: JobSummary; step: string; current: boolean }) {
  const model = job.effort ? `${job.model} · ${job.effort}` : job.model;
  return (
    <>
      <span className="thread__question">
        <span className="thread__who">{step}</span>
        <span className="thread__text">{job.title || 'Untitled job'}</span>
      </span>
      <span className="thread__answer">
        <span className="thread__who">
          {model} <StatusBadge status={job.status} refused={isRefused(job)} />
        </span>
        <span className="thread__text">
          {current ? 'This job: its answer is below.' : turnAnswerText(job)}
        </span>
      </span>
    </>
  );
}

export function ThreadList({ thread, currentId, onOpen }: Props) {
  return (
    <ol className="thread">
      {thread.map((job, index) => {
        const current = job.id === currentId;
        const step = index === 0 ? 'Start' : `Follow-up ${index}`;
        return (
          <li key={job.id} className="thread__turn">
            <ErrorBoundary
              label="a job of the conversation"
              raw={`${job.title}\n${job.answerPreview}`}
            >
              {current ? (
                <div className="thread__item" aria-current="page">
                  <Turn job={job} step={step} current />
                </div>
              ) : (
                <button type="button" className="thread__item" onClick={() => onOpen(job.id)}>
                  <Turn job={job} step={step} current={false} />
                </button>
              )}
            </ErrorBoundary>
          </li>
        );
      })}
    </ol>
  );
}
