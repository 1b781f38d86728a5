// The open job: prompt, live reasoning summary, tool steps, the answer (with its sources once the
// job has output items), usage, timeline, thread and actions.
import { GroupLink } from '../compare/GroupLink.js';
import { useId } from 'react';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import { ContractError } from '../../../shared/ipc/envelope.js';
import { isSettled } from '../../../shared/job.js';
import { serverCopyExpired } from '../../../shared/server-retention.js';
import { useJobDetail } from '../data/use-job-detail.js';
import { LazyMarkdown as Markdown } from '../markdown/LazyMarkdown.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { useNow } from '../time/use-now.js';
import { FollowUpForm } from './FollowUpForm.js';
import { ServerCopyNote } from './ServerCopyNote.js';
import { JobActions } from './JobActions.js';
import { JobHeader } from './JobHeader.js';
import { answerFromItems, ItemsAnswer } from './ItemsAnswer.js';
import { itemsAddNothing } from './streamed-answer.js';
import { JobNotes } from './JobNotes.js';
import { JobAttachments } from './JobAttachments.js';
import { ThreadList } from './ThreadList.js';
import { Timeline } from './Timeline.js';
import { ToolSteps } from './ToolSteps.js';
import { UsageBreakdown } from './UsageBreakdown.js';

interface Props {
  id: string;
  onOpen: (id: string) => void;
  onClose: () => void;
  onOpenSettings: () => void;
}

export function JobView({ id, onOpen, onClose, onOpenSettings }: Props) {
  const detail = useJobDetail(id);
  const titleId = useId();
  // Whether the server still has the response (a date 30 days off needs no ticking).
  const now = useNow(false);

  if (detail.isPending) return <p className="pane__loading">Loading the job…</p>;
  if (detail.isError) {
    const gone = detail.error instanceof ContractError && detail.error.code === 'NOT_FOUND';
    return gone ? (
      <p className="pane__empty">This job no longer exists on this computer.</p>
    ) : (
      <ErrorNote error={detail.error} prefix="The job could not be loaded." />
    );
  }
  const { job, events, thread } = detail.data;
  // A backend from before output items were kept answers without them.
  const items = (detail.data.items as JobDetail['items'] | undefined) ?? [];
  const running = !isSettled(job.status);
  // While it runs the answer streams as text; once done, a job with items shows them.
  const fromItems = !running && answerFromItems(items, job) && !itemsAddNothing(items, job.answer);

  return (
    <article className="job-view" aria-labelledby={titleId}>
      <JobHeader job={job} titleId={titleId} onClose={onClose} />
      <JobActions job={job} onOpen={onOpen} onDeleted={onClose} />
      <JobNotes job={job} onOpen={onOpen} onOpenSettings={onOpenSettings} />
      {job.groupId !== null && (
        <p className="job-note">
          <GroupLink groupId={job.groupId} />
        </p>
      )}

      {thread.length > 1 && (
        <section className="job-section" aria-label="Conversation">
          <h3>Conversation</h3>
          <ErrorBoundary label="the conversation">
            <ThreadList thread={thread} currentId={job.id} onOpen={onOpen} />
          </ErrorBoundary>
        </section>
      )}

      <details className="job-section" open>
        <summary>
          <h3>Prompt</h3>
        </summary>
        {job.instructions && (
          <>
            <h4 className="prompt-label">Instructions</h4>
            <pre className="prompt-text" aria-label="Instructions">
              {job.instructions}
            </pre>
            <h4 className="prompt-label">Prompt</h4>
          </>
        )}
        <pre className="prompt-text">{job.prompt}</pre>
        <JobAttachments attachments={job.attachments} />
      </details>

      {/* Open while the model thinks; once it has answered, the answer comes first. */}
      {(job.reasoningSummary !== '' || (running && job.reasoningSummaryMode !== null)) && (
        <details className="job-section" open={running} aria-busy={running}>
          <summary>
            <h3>Reasoning summary{running ? ' (live)' : ''}</h3>
          </summary>
          {job.reasoningSummary === '' ? (
            <p className="muted">The model’s summary of its reasoning appears here as it thinks.</p>
          ) : (
            <ErrorBoundary label="the reasoning summary" raw={job.reasoningSummary}>
              <Markdown text={job.reasoningSummary} />
            </ErrorBoundary>
          )}
        </details>
      )}

      <ErrorBoundary label="the steps" resetKey={items}>
        <ToolSteps items={items} running={running} />
      </ErrorBoundary>

      {fromItems ? (
        <ErrorBoundary label="the answer" raw={job.answer} resetKey={items}>
          <ItemsAnswer items={items} />
        </ErrorBoundary>
      ) : (
        <section
          className="job-section job-section--answer"
          aria-busy={running}
          aria-label="Answer"
        >
          <h3>Answer</h3>
          {job.answer === '' ? (
            <p className="muted">
              {running ? 'The answer appears here as it streams.' : 'There is no answer.'}
            </p>
          ) : (
            <ErrorBoundary label="the answer" raw={job.answer}>
              <Markdown text={job.answer} />
            </ErrorBoundary>
          )}
        </section>
      )}

      {job.status === 'completed' && job.responseId !== null && !serverCopyExpired(job, now) && (
        <FollowUpForm job={job} onOpen={onOpen} />
      )}
      {isSettled(job.status) && <ServerCopyNote job={job} now={now} />}

      <section className="job-section" aria-label="Usage and cost">
        <h3>Usage and cost</h3>
        <UsageBreakdown job={job} />
      </section>

      <section className="job-section" aria-label="Timeline">
        <h3>Timeline</h3>
        <Timeline events={events} />
      </section>
    </article>
  );
}
