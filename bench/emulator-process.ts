// The emulator in a process of its own, so its work never counts against the engine measured here.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ControlClient } from '../node/emulator/control-client.js';

export interface EmulatorProcess {
  baseURL: string;
  control: ControlClient;
  stop(): void;
}

const cli = fileURLToPath(new URL('../node/emulator/cli.ts', import.meta.url));

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let seen = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    seen += chunk.toString('utf8');
    const baseURL = /base URL (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(seen)?.[1];
    if (baseURL) {
      return {
        baseURL,
        control: new ControlClient(baseURL.replace(/\/v1$/, '')),
        stop: () => child.kill('SIGTERM'),
      };
    }
  }
  throw new Error(`the emulator did not start: ${seen}`);
}
