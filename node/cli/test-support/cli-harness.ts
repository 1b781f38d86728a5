// Test harness for the `mull` command line: the real CLI (`node bin/mull.mjs`) in child processes,
// against an in-process emulator, with a fresh data directory. Tests wait on process exits and on
// output lines, never on the clock.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mullBin = join(repoRoot, 'bin', 'mull.mjs');

export const testApiKey = 'sk-test-cli-key-0001';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Exactly the bytes written to stdout. */
  stdoutBytes: Buffer;
  stdout: string;
  stderr: string;
}

export interface MullProcess {
  child: ChildProcess;
  finished: Promise<Finished>;
  /** Resolves with stderr so far once it matches `pattern`; rejects if the process ends first. */
  stderrMatching(pattern: RegExp): Promise<string>;
}

export interface RunOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CliHarness {
  emulator: RunningEmulator;
  dataDir: string;
  /** What children get: the test key, and the emulator as OPENAI_BASE_URL (the SDK's pairing). */
  env: NodeJS.ProcessEnv;
  /** `mull --data-dir DIR ...args`, left running. */
  start(args: string[], options?: RunOptions): MullProcess;
  /** `mull --data-dir DIR ...args`, to the end. */
  mull(args: string[], options?: RunOptions): Promise<Finished>;
  /** The bodies of the create requests the emulator has received, in order. */
  createBodies(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const emulator = await startEmulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'mull-cli-'));
  const running = new Map<ChildProcess, Promise<Finished>>();
  const env = {
    ...withoutMullSettings(process.env),
    OPENAI_API_KEY: testApiKey,
    OPENAI_BASE_URL: emulator.baseURL,
  };

  const start: CliHarness['start'] = (args, options = {}) => {
    const child = spawn(process.execPath, [mullBin, '--data-dir', dataDir, ...args], {
      cwd: repoRoot,
      env: options.env ?? env,
      stdio: 'pipe',
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    let ended = false;
    const stderrWaiters = new Set<() => void>();
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      for (const check of stderrWaiters) check();
    });
    child.stdin.end(options.stdin ?? '');
    const finished = new Promise<Finished>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        ended = true;
        for (const check of stderrWaiters) check();
        const bytes = Buffer.concat(stdout);
        resolve({ code, signal, stdoutBytes: bytes, stdout: bytes.toString('utf8'), stderr });
      });
    });
    const stderrMatching = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (pattern.test(stderr)) resolve(stderr);
          else if (ended) {
            reject(
              new Error(`'mull ${args.join(' ')}' ended before ${String(pattern)}: ${stderr}`),
            );
          } else return;
          stderrWaiters.delete(check);
        };
        stderrWaiters.add(check);
        check();
      });
    running.set(child, finished);
    return { child, finished, stderrMatching };
  };

  return {
    emulator,
    dataDir,
    env,
    start,
    mull: (args, options) => start(args, options).finished,
    createBodies: async () => {
      const creates = await emulator.control.requests({ kind: 'create' });
      return creates.map((r) => r.body as Record<string, unknown>);
    },
    close: async () => {
      for (const child of running.keys()) child.kill('SIGKILL');
      await Promise.allSettled(running.values());
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The test runner's environment minus anything that would point Mull somewhere else. */
function withoutMullSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    OPENAI_API_KEY: _key,
    OPENAI_BASE_URL: _baseUrl,
    MULL_DATA_DIR: _dataDir,
    MULL_DEBUG: _debug,
    ...rest
  } = env;
  return rest;
}

/** The job id `mull submit` printed (its only output on stdout). */
export function printedId(finished: Finished): string {
  const id = finished.stdout.trim();
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    throw new Error(`mull submit printed no job id: ${finished.stdout}${finished.stderr}`);
  }
  return id;
}
