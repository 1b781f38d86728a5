// `mull search WORDS...`: full-text search over titles, prompts, answers and reasoning summaries.
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { formatSnippet, shortId } from '../job-format.js';
import { wholeNumber } from '../option-values.js';

export const searchCommand = defineCommand({
  name: 'search',
  help: `Usage: mull search [--limit N] WORDS...

Prints each matching job's id and title, then a snippet with the matched words in **bold**.
Works offline: it searches the answers kept on this computer.

Options:
  --limit N   at most N hits (1-500, default 20)`,
  options: {
    limit: { type: 'string' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: 'WORDS to search for' },
  async run(session, { values, positionals }) {
    const limit = wholeNumber('--limit', values.limit, { min: 1, max: 500 });
    const manager = await session.openReadOnly();
    try {
      const hits = manager.search(positionals.join(' '), limit);
      if (session.json) session.printJson(hits);
      else if (hits.length === 0) session.say('No job matches.');
      else {
        for (const hit of hits) {
          session.out(`${shortId(hit.id)}  ${hit.title}\n    ${formatSnippet(hit.snippet)}\n`);
        }
      }
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});
