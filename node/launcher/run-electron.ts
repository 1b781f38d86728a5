// Runs the desktop app in Electron and waits for it to quit. The launcher stays alive meanwhile
// (the demo's emulator lives in it) and passes Ctrl+C and SIGTERM on to Electron.
import { spawn } from 'node:child_process';
import { repoRoot } from './electron-binary.js';

/** Resolves with Electron's exit code once it has quit. */
export function runElectron(binary: string, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(binary, [repoRoot], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
