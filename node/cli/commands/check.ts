// `mull check`: is the data directory sound? SQLite's own check of the database and every file a
// job lists as an attachment, re-hashed; nothing is written in the data directory (a check of a
// backup or of a failing disk must not change what it checks).
import { statSync } from 'node:fs';
import {
  AttachmentStore,
  checkAttachmentIntegrity,
  describeAttachmentProblem,
  type AttachmentProblem,
} from '../../core/attachments/index.js';
import { formatFileSize } from '../../../shared/file-size.js';
import type { JobAttachmentList } from '../../core/store/check-database.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';

interface AttachmentTally {
  /** Jobs that list attachments. */
  jobs: number;
  /** Attachments listed, a file listed by two jobs counted twice. */
  checked: number;
  /** Distinct stored files, and their size. */
  files: number;
  bytes: number;
  problems: AttachmentProblem[];
}

export const checkCommand = defineCommand({
  name: 'check',
  help: `Usage: mull check [--full]

Checks the data directory without writing to it: the database (SQLite's quick_check, which reads
every page) and every attachment a job lists (in attachments/, with the bytes it was sent with:
its sha256). Says in one line that it is sound, or one sentence per problem and then a summary.
Exit code 0 when sound, 1 when anything is missing, altered or damaged.
With --json: {database: "ok" or what is wrong, attachments: {jobs, checked, files, bytes,
problems: [{jobId, problem: "missing" or "altered", attachment, message}]}}; attachments is
null when the database could not be read.

Options:
  --full           SQLite's integrity_check instead (slower: it also cross-checks every index)`,
  options: {
    full: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(session, { values }) {
    assertDirectory(session.dataDir);
    // Loaded here, not at the top: `mull check --help` needs no SQLite.
    const { checkDatabase } = await import('../../core/store/check-database.js');
    const database = checkDatabase(session.dataDir, { full: values.full ?? false });
    const attachments =
      database.jobs === undefined ? null : await tally(session.dataDir, database.jobs);
    const sound = database.verdict === 'ok' && attachments?.problems.length === 0;
    if (session.json) {
      session.printJson({
        database: database.verdict,
        attachments: attachments && {
          ...attachments,
          problems: attachments.problems.map((p) => ({
            ...p,
            message: describeAttachmentProblem(p),
          })),
        },
      });
    } else if (sound) {
      session.say(
        `mull: the data directory is sound: 1 database, ${attachmentsPart(attachments)}.`,
      );
    } else {
      if (database.verdict !== 'ok') session.say(database.verdict);
      for (const problem of attachments?.problems ?? []) {
        session.say(describeAttachmentProblem(problem));
      }
      const databasePart = `the database is ${database.verdict === 'ok' ? '' : 'not '}sound`;
      session.say(
        `mull: the data directory is not sound: ${databasePart}; attachments: ${
          attachments === null ? 'none could be listed' : attachmentsPart(attachments)
        }.`,
      );
    }
    return sound ? exitCodes.ok : exitCodes.failure;
  },
});

/** A missing data directory is said in one sentence, and not created (as opening a store would). */
function assertDirectory(dataDir: string): void {
  const stats = statSync(dataDir, { throwIfNoEntry: false });
  if (stats === undefined)
    throw new Error(`There is no data directory at ${dataDir}: nothing to check`);
  if (!stats.isDirectory()) throw new Error(`${dataDir} is not a directory: nothing to check`);
}

async function tally(dataDir: string, jobs: JobAttachmentList[]): Promise<AttachmentTally> {
  const problems = await checkAttachmentIntegrity(jobs, new AttachmentStore(dataDir));
  const sizes = new Map<string, number>();
  let checked = 0;
  for (const job of jobs) {
    for (const attachment of job.attachments) {
      sizes.set(attachment.sha256, attachment.size);
      checked++;
    }
  }
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { jobs: jobs.length, checked, files: sizes.size, bytes, problems };
}

/** "12 jobs with 31 attachments (7 files, 48.2 MB) verified by sha256", or what was wrong. */
function attachmentsPart(t: AttachmentTally): string {
  if (t.checked === 0) return 'no attachments';
  const what = `${plural(t.jobs, 'job')} with ${plural(t.checked, 'attachment')} (${plural(t.files, 'file')}, ${formatFileSize(t.bytes)})`;
  const count = (kind: AttachmentProblem['problem']) =>
    t.problems.filter((p) => p.problem === kind).length;
  const wrong = [`${count('missing')} missing`, `${count('altered')} altered`].filter(
    (part) => !part.startsWith('0 '),
  );
  return wrong.length === 0 ? `${what} verified by sha256` : `${wrong.join(', ')} of ${what}`;
}

function plural(count: number, one: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : `${one}s`}`;
}
