// What a command sees of its process: the streams and the environment. Commands write through it
// rather than to `process` directly, so the rules of the command line hold in one place: data on
// stdout, everything said to the person on stderr.
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  /** A terminal (isTTY) gets `mull wait`'s updating progress line; a pipe or a file does not. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
