// Runs `mull` inside the test process (runMull with in-memory streams): for the many small cases
// where starting a process per case would only add seconds. The flows that matter run the real CLI.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-io.js';
import { runMull } from '../main.js';
import type { Finished } from './cli-harness.js';

export async function mullInProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin = '',
): Promise<Finished> {
  const stdout: Buffer[] = [];
  let stderr = '';
  const io: CliIo = {
    stdin: PassThrough.from([stdin]),
    stdout: new PassThrough().on('data', (chunk: Buffer) => stdout.push(chunk)),
    stderr: new PassThrough().on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8'))),
    env,
  };
  const code = await runMull(args, io);
  const bytes = Buffer.concat(stdout);
  return { code, signal: null, stdoutBytes: bytes, stdout: bytes.toString('utf8'), stderr };
}
