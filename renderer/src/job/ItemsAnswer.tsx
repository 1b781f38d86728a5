// The answer of a finished job read from its output items: each message its own block (what the
// model said while working set apart, muted, from its final answer), citations as numbered links,
// a refusal shown as one, and the cited sources listed under the answer. Nothing here fetches:
// sources show their title and domain, never a favicon or a preview.
import { useId, useMemo } from 'react';
import {
  citedSources,
  messagesOf,
  type AnswerMessage,
  type CitedSources,
  type OutputItem,
  type Source,
} from '../../../shared/output-items.js';
import type { Job } from '../../../shared/job.js';
import { useApi } from '../data/api-context.js';
import { LazyMarkdown as Markdown } from '../markdown/LazyMarkdown.js';
import { openLink } from '../markdown/open-link.js';
import { isOpenableLink } from '../markdown/safe-url.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { citedMarkdown, sourceAnchor } from './cited-markdown.js';

/**
 * True when a settled job's answer is best shown from its items: they hold a message, and either
 * the job completed or its items hold all of the streamed text (a job stopped early may have
 * streamed a last message that never arrived as an item; then the streamed text is shown).
 */
export function answerFromItems(
  items: readonly OutputItem[],
  job: Pick<Job, 'status' | 'answer'>,
): boolean {
  const messages = messagesOf(items);
  if (messages.length === 0) return false;
  if (job.status === 'completed') return true;
  const squeeze = (text: string) => text.replace(/\s+/gu, '').length;
  const itemsText = messages.flatMap((message) => message.parts.map((part) => part.text)).join('');
  return squeeze(itemsText) >= squeeze(job.answer);
}

function blockLabel(message: AnswerMessage, phased: boolean): string {
  if (message.phase === 'commentary') return 'While working';
  return phased ? 'Final answer' : 'Answer text';
}

function MessageBlock({
  message,
  phased,
  cited,
  anchorPrefix,
}: {
  message: AnswerMessage;
  phased: boolean;
  cited: CitedSources;
  anchorPrefix: string;
}) {
  const commentary = message.phase === 'commentary';
  const label = blockLabel(message, phased);
  return (
    <div
      className={commentary ? 'answer-block answer-block--commentary' : 'answer-block'}
      role={phased ? 'group' : undefined}
      aria-label={phased ? label : undefined}
      data-phase={message.phase ?? undefined}
    >
      {phased && <p className="answer-block__label">{label}</p>}
      {message.parts.map((part, index) =>
        part.kind === 'refusal' ? (
          <div key={index} className="answer-refusal" role="note" aria-label="Refusal">
            <StatusBadge status="completed" refused />
            <p className="answer-refusal__text">
              {part.text === '' ? 'The model declined to answer.' : part.text}
            </p>
          </div>
        ) : part.text === '' ? null : (
          <Markdown
            key={index}
            text={citedMarkdown(part, (citation) => cited.numberOf(citation), anchorPrefix)}
          />
        ),
      )}
    </div>
  );
}

function SourceTitle({ source }: { source: Source }) {
  const api = useApi();
  if (source.kind === 'url' && isOpenableLink(source.target)) {
    return (
      <button
        type="button"
        className="md-link sources__title"
        title={`Open ${source.target} in your browser`}
        onClick={() => void openLink(api, source.target).catch(() => undefined)}
      >
        {source.title}
      </button>
    );
  }
  return <span className="sources__title">{source.title}</span>;
}

export function SourcesList({
  sources,
  anchorPrefix,
}: {
  sources: readonly Source[];
  anchorPrefix: string;
}) {
  return (
    <ol className="sources">
      {sources.map((source) => (
        <li
          key={source.number}
          id={sourceAnchor(anchorPrefix, source.number)}
          className="sources__item"
        >
          <span className="sources__number" aria-label={`Source ${source.number}`}>
            {source.number}
          </span>
          <span className="sources__body">
            <SourceTitle source={source} />
            <span className="sources__domain">
              {source.kind === 'file' ? `file ${source.target}` : source.domain}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The Answer section (and the Sources section after it) of a job that has output items. */
export function ItemsAnswer({ items }: { items: readonly OutputItem[] }) {
  const anchorPrefix = `answer${useId().replace(/[^\w-]/gu, '')}`;
  const messages = useMemo(() => messagesOf(items), [items]);
  const cited = useMemo(() => citedSources(messages), [messages]);
  const phased = messages.some((message) => message.phase === 'commentary');

  return (
    <>
      <section className="job-section job-section--answer" aria-label="Answer">
        <h3>Answer</h3>
        {messages.map((message) => (
          <MessageBlock
            key={message.position}
            message={message}
            phased={phased}
            cited={cited}
            anchorPrefix={anchorPrefix}
          />
        ))}
      </section>
      {cited.sources.length > 0 && (
        <section className="job-section" aria-label="Sources">
          <h3>Sources</h3>
          <SourcesList sources={cited.sources} anchorPrefix={anchorPrefix} />
        </section>
      )}
    </>
  );
}
