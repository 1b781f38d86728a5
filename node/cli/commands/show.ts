// `mull show ID`: the answer, exactly as stored, on stdout; what it is about on stderr.
import { isSettled } from '../../../shared/job.js';
import { citedSources, messagesOf, type OutputItem } from '../../../shared/output-items.js';
import { serverQueueNote } from '../../../shared/server-queue.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { jobLine, unknownHint } from '../job-format.js';

export const showCommand = defineCommand({
  name: 'show',
  help: `Usage: mull show ID

Prints the job's answer on stdout exactly as stored, nothing added (not even a newline); a line
about the job (status, model, tokens, cost) goes to stderr. ID may be any unique prefix.
With --json: the whole job (id, status, answer, reasoningSummary, usage, cost, responseId, error...),
its output items as the server sent them (items: messages, web searches, code runs, tool calls),
the sources its answer cites (sources: number, url, title, domain) and every citation
(citations: the source number, the message and the span of text it stands at).`,
  options: {},
  positionals: { min: 1, max: 1, name: 'a job ID' },
  async run(session, { positionals }) {
    const manager = await session.openReadOnly();
    try {
      const job = manager.find(positionals[0] ?? '');
      const items = manager.items(job.id);
      if (session.json) {
        session.printJson({ ...job, items, ...citationsOf(items) });
        return exitCodes.ok;
      }
      session.out(job.answer);
      const still = isSettled(job.status) ? '' : ' (not finished: the answer so far)';
      session.say(`${jobLine(job)}${still}`);
      if (job.error) session.say(job.error.message);
      const queued = serverQueueNote(job, Date.now());
      if (queued !== null) session.say(`${queued}; Mull keeps waiting for it.`);
      if (job.status === 'unknown') session.say(unknownHint(job));
      if ((job.outputDigest?.sources ?? 0) > 0) {
        session.say("Its sources and tool steps: 'mull show --json' (sources, citations, items).");
      }
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});

/** The cited sources, numbered, and each citation with where it stands, for --json. */
function citationsOf(items: readonly OutputItem[]) {
  const messages = messagesOf(items);
  const { sources, numberOf } = citedSources(messages);
  const citations = messages.flatMap((message) =>
    message.parts.flatMap((part, partIndex) =>
      part.kind === 'text'
        ? part.citations.map((citation) => ({
            source: numberOf(citation),
            message: message.position,
            part: partIndex,
            start: citation.start,
            end: citation.end,
          }))
        : [],
    ),
  );
  return {
    sources: sources.map(({ number, kind, target, title, domain }) => ({
      number,
      kind,
      ...(kind === 'url' ? { url: target } : { fileId: target }),
      title,
      domain,
    })),
    citations,
  };
}
