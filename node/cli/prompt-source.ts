// Where `mull submit` takes its prompt from: the argument, a file (-f FILE) or stdin (`-`).
import { readFile } from 'node:fs/promises';
import { UsageError } from './cli-errors.js';

const stdinMarker = '-';

export interface PromptArgs {
  positional: string | undefined;
  file: string | undefined;
}

/** The prompt exactly as given (bytes decoded once as UTF-8, so no character is split). */
export async function readPrompt(
  { positional, file }: PromptArgs,
  stdin: NodeJS.ReadableStream,
): Promise<string> {
  if (positional !== undefined && file !== undefined) {
    throw new UsageError('Give the prompt either as an argument or with -f FILE, not both');
  }
  const source = file ?? positional;
  if (source === undefined) {
    throw new UsageError('mull submit needs a prompt: PROMPT, -f FILE, or - to read stdin');
  }
  if (source === stdinMarker) return readAll(stdin);
  if (file === undefined) return source;
  return readTextFile(file, 'prompt');
}

/** A file given on the command line, as UTF-8; one sentence (a usage error) when it cannot be read. */
async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UsageError(`Cannot read the ${what} file '${file}': ${reason}`);
  }
}

/**
 * The instructions (the system prompt) of `mull submit`: `--instructions TEXT` or
 * `--instructions-file F`, not both; undefined when neither is given. Empty instructions are
 * refused: leaving the option out is how to send none.
 */
export async function readInstructions(
  text: string | undefined,
  file: string | undefined,
): Promise<string | undefined> {
  if (text !== undefined && file !== undefined) {
    throw new UsageError('Give --instructions or --instructions-file, not both');
  }
  const instructions = file === undefined ? text : await readTextFile(file, 'instructions');
  if (instructions !== undefined && instructions.trim() === '') {
    throw new UsageError(
      file === undefined ? '--instructions is empty' : `The instructions file '${file}' is empty`,
    );
  }
  return instructions;
}

/** Everything the stream gives until it ends, decoded once as UTF-8. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
