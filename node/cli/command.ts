// A command of the `mull` table: its options (node's util.parseArgs), its help text, and what it
// does. Global options are accepted before or after the command name and parsed with the command's.
// Every wrong use reads as one sentence naming the option (parseArgs' own messages run to two
// sentences and name its syntax, "Option '-m, --model <value>' argument missing").
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
  /** `mull NAME --help`: synopsis, options, notes (global options are appended). */
  help: string;
  options: O;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number; name: string };
  run(session: CliSession, args: CommandArgs<O>): Promise<number>;
}

export interface Command {
  name: string;
  help: string;
  /** Parses `argv` (everything but the command name) and runs; resolves with the exit code. */
  execute(argv: string[], io: CliIo): Promise<number>;
}

export function defineCommand<O extends OptionsConfig>(spec: CommandSpec<O>): Command {
  const help = `${spec.help}\n\n${globalHelp}\n`;
  return {
    name: spec.name,
    help,
    execute: async (argv, io) => {
      const { values, positionals } = parseOrExplain(spec.name, argv, spec.options);
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

function parseOrExplain<O extends OptionsConfig>(
  command: string,
  args: string[],
  options: O,
): ParsedFor<O> {
  const all: OptionsConfig = { ...globalOptions, ...options };
  let parsed: ParsedFor<O>;
  try {
    parsed = parseArgs({
      args: withNegativeValues(args, all),
      options: { ...globalOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(explainParseError(command, error, all));
  }
  // An empty value (`--model ''`) is never meant: say so here, naming the option.
  for (const [name, value] of Object.entries(parsed.values)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.trim() === '')) {
      throw new UsageError(`--${name} needs a value`);
    }
  }
  return parsed;
}

/**
 * `--limit -3`: parseArgs refuses a value that starts with a dash as "ambiguous". A negative
 * number is plainly a value, so it is passed as `--limit=-3` and the option's own check explains
 * what it accepts.
 */
function withNegativeValues(args: readonly string[], options: OptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const option = optionNamed(arg, options);
    if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function optionNamed(arg: string, options: OptionsConfig) {
  if (arg.startsWith('--')) return options[arg.slice(2)];
  if (/^-[^-]$/.test(arg)) return Object.values(options).find((o) => o.short === arg.slice(1));
  return undefined;
}

/** parseArgs' error as one sentence of ours, naming the option as people type it. */
function explainParseError(command: string, error: unknown, options: OptionsConfig): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  // parseArgs names an option as '-m, --model <value>' or '--json'.
  const named = /Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /Unknown option '([^']+)'/.exec(message)?.[1] ?? message;
    const similar = Object.keys(options).find(
      (name) => option.length > 3 && name.startsWith(option.replace(/^-+/, '').split('=')[0] ?? ''),
    );
    return `Unknown option '${option}' for mull ${command}${similar ? ` (did you mean --${similar}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named !== undefined) {
    if (/does not take an argument/.test(message)) return `${named} takes no value`;
    if (/argument missing/.test(message)) return `${named} needs a value`;
    if (/ambiguous/.test(message)) {
      return `${named} needs a value; to give one that starts with '-', write ${named}=VALUE`;
    }
  }
  // Anything else: its first sentence.
  return message.split(/\.\s/)[0] ?? message;
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
