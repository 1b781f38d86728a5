// The `mull` command line: finds the command, runs it, and turns any error into one sentence on
// stderr and an exit code (0 done, 1 failed, 2 used wrongly).
import { UsageError, exitCodes, reportFor } from './cli-errors.js';
import { processIo, type CliIo } from './cli-io.js';
import { globalHelp, globalOptions, type Command } from './command.js';
import { commands } from './commands/index.js';

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: mull COMMAND [options]

Runs long reasoning jobs in OpenAI's background mode; the jobs are shared with the Mull app.

Commands:
${lines.join('\n')}

${globalHelp}

'mull COMMAND --help' tells more about a command.
`;
}

/** Runs `mull` with these arguments; resolves with the exit code. */
export async function runMull(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined) {
      const help = rest.includes('--help') || rest.includes('-h');
      (help ? io.stdout : io.stderr).write(usage());
      return help ? exitCodes.ok : exitCodes.usage;
    }
    if (name === 'help') {
      const topicName = splitCommand(rest).name;
      const topic = topicName === undefined ? undefined : await commandNamed(topicName);
      io.stdout.write(topic?.help ?? usage());
      return exitCodes.ok;
    }
    return await (await commandNamed(name)).execute(rest, io);
  } catch (error) {
    const { message, exitCode } = reportFor(error);
    io.stderr.write(`mull: ${message}\n`);
    if (exitCode === exitCodes.usage) io.stderr.write("Run 'mull --help' for usage.\n");
    if (io.env.MULL_DEBUG && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
    return exitCode;
  }
}

async function commandNamed(name: string): Promise<Command> {
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new UsageError(`Unknown command '${name}'`);
  return entry.load();
}

/** The command is the first argument that is neither a global option nor a global option's value. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (!arg.startsWith('-'))
      return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
    if (takesValue(arg)) i++;
  }
  return { name: undefined, rest: [...argv] };
}

function takesValue(arg: string): boolean {
  return Object.entries(globalOptions).some(
    ([name, option]) => option.type === 'string' && arg === `--${name}`,
  );
}

/** The process entry (bin/mull.mjs): runs, lets stdout and stderr drain, then exits. */
export async function main(): Promise<never> {
  const io = processIo();
  const code = await runMull(process.argv.slice(2), io);
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Exit explicitly: HTTP keep-alive sockets would otherwise hold the process open for a while.
  process.exit(code);
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
