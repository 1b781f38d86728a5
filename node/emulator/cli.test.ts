// `npm run emulator -- --port 0` starts a real server in its own process and prints its base URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlClient } from './control-client.js';
import { collect, createBackgroundStream, sdkClient } from './test-support/sdk.js';

const started: ChildProcess[] = [];

function runEmulator(args: string[]): ChildProcess {
  // Its own process group, so the whole npm -> tsx -> node chain can be stopped at once.
  const child = spawn('npm', ['run', '--silent', 'emulator', '--', ...args], {
    detached: true,
    stdio: 'pipe',
  });
  started.push(child);
  return child;
}

async function outputUntil(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let seen = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    seen += chunk.toString('utf8');
    const match = pattern.exec(seen);
    if (match) return match;
  }
  throw new Error(`the emulator exited without printing ${String(pattern)}; it printed: ${seen}`);
}

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }
});

describe('npm run emulator', () => {
  it('starts on a free port, prints its base URL and serves the SDK with command-line defaults', async () => {
    const child = runEmulator([
      '--port',
      '0',
      '--answer',
      'From the command line.',
      '--speed',
      '50',
    ]);
    const match = await outputUntil(child, /base URL (http:\/\/127\.0\.0\.1:\d+\/v1)/);
    const baseURL = match[1] ?? '';
    const run = await collect(await createBackgroundStream(sdkClient(baseURL)));
    expect(run.text).toBe('From the command line.');
    const control = new ControlClient(baseURL.replace(/\/v1$/, ''));
    expect((await control.requests({ kind: 'create' })).length).toBe(1);
    expect((await control.configure({})).speed).toBe(50);
  });

  it('says what is wrong with a bad option and exits non-zero', async () => {
    const child = runEmulator(['--speed', 'fast']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).not.toBe(0);
    expect(stderr).toContain("--speed must be a non-negative number, got 'fast'");
  });
});
