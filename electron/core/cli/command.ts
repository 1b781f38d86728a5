// A command of the `mull` table: its options (node's util.parseArgs), its help text, and what it
// does. Global options are accepted before or after the command name and parsed with the command's.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import { CliSession, type GlobalValues } from './session.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export const globalOptions = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

export const globalHelp = `Global options:
  --data-dir DIR   where jobs are kept (default: $MULL_DATA_DIR, else the app's data directory)
  --json           print exactly one JSON document on stdout
  -h, --help       show help`;

type ParsedFor<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: typeof globalOptions & O;
    allowPositionals: true;
    strict: true;
  }>
>;

export interface CommandArgs<O extends OptionsConfig> {
  values: ParsedFor<O>['values'];
  positionals: string[];
}

export interface CommandSpec<O extends OptionsConfig> {
  name: string;
  /** One line for `mull --help`. */
  summary: string;
  /** `mull NAME --help`: synopsis, options, notes (global options are appended). */
  help: string;
  options: O;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number; name: string };
  run(session: CliSession, args: CommandArgs<O>): Promise<number>;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Parses `argv` (everything but the command name) and runs; resolves with the exit code. */
  execute(argv: string[], io: CliIo): Promise<number>;
}

export function defineCommand<O extends OptionsConfig>(spec: CommandSpec<O>): Command {
  const help = `${spec.help}\n\n${globalHelp}\n`;
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    execute: async (argv, io) => {
      const { values, positionals } = parseOrExplain(argv, spec.options);
      const globals = globalValuesOf(values);
      if (globals.help) {
        io.stdout.write(help);
        return 0;
      }
      const { min, max, name } = spec.positionals;
      if (positionals.length < min) throw new UsageError(`mull ${spec.name} needs ${name}`);
      if (positionals.length > max) {
        throw new UsageError(
          max === 0
            ? `mull ${spec.name} takes no arguments (got '${positionals.join(' ')}')`
            : `mull ${spec.name} takes at most ${max} ${name} (got ${positionals.length})`,
        );
      }
      const session = new CliSession(io, globals);
      return spec.run(session, { values, positionals });
    },
  };
}

function parseOrExplain<O extends OptionsConfig>(args: string[], options: O): ParsedFor<O> {
  try {
    return parseArgs({
      args,
      options: { ...globalOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs' own messages are clear ("Unknown option '--x'...") and carry a code.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The global options among a command's parsed values (read by name: the command's own are generic). */
function globalValuesOf(values: object): GlobalValues & { help: boolean } {
  return {
    help: 'help' in values && values.help === true,
    json: 'json' in values && values.json === true,
    'data-dir':
      'data-dir' in values && typeof values['data-dir'] === 'string'
        ? values['data-dir']
        : undefined,
  };
}
