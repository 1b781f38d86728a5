// A private D-Bus session bus with a fresh, unlocked gnome-keyring on it, in temporary folders, for
// tests that run the real `mull key ...` against a real Secret Service: children get its address
// (DBUS_SESSION_BUS_ADDRESS) and so never touch the keychain of the person running the tests.
// The bus starts no service on demand; gnome-keyring leaves with it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { privateBusFolders } from '../../core/secrets/test-support/private-bus.js';
import { assertKeyringToolsInstalled } from '../../core/secrets/test-support/run-probe.js';

const run = promisify(execFile);

export interface KeyringBus {
  /** What a child needs to reach this bus and only it. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startKeyringBus(): Promise<KeyringBus> {
  assertKeyringToolsInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'mull-cli-keyring-'));
  const { runtimeDir, dataDir, config } = privateBusFolders(dir);
  const daemon: ChildProcess = spawn(
    'dbus-daemon',
    [`--config-file=${config}`, '--nofork', '--print-address=1'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    daemon.stdout?.setEncoding('utf8');
    daemon.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    daemon.on('error', reject);
    daemon.on('exit', (code) => reject(new Error(`dbus-daemon exited (${String(code)})`)));
  });
  const env: NodeJS.ProcessEnv = {
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_DATA_HOME: dataDir,
    DISPLAY: undefined,
    WAYLAND_DISPLAY: undefined,
  };
  const childEnv = { ...process.env, ...env };
  const close = async () => {
    daemon.kill('SIGTERM');
    await new Promise((resolve) =>
      daemon.exitCode !== null ? resolve(null) : daemon.once('exit', resolve),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // --unlock reads the login keyring's password from stdin: the keyring is made unlocked.
    await run(
      'sh',
      [
        '-c',
        'printf pw | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null',
      ],
      { env: childEnv },
    );
    await run('gdbus', ['wait', '--session', '--timeout', '10', 'org.freedesktop.secrets'], {
      env: childEnv,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { env, close };
}
