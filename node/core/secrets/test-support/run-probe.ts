// Runs keychain-probe.ts in a child process with a chosen keychain situation:
// - withKeyring: a private D-Bus session bus (dbus-run-session) with a fresh, unlocked
//   gnome-keyring in temporary folders, so the test never touches the keychain of the person
//   running it and leaves nothing behind;
// - withoutKeychain: no session bus at all, as on a headless server.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ProbeResult } from './probe-protocol.js';

const run = promisify(execFile);

const probeScript = fileURLToPath(new URL('./keychain-probe.ts', import.meta.url));
// `--import tsx` resolves tsx from the working directory: the repository root.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childTimeoutMs = 20_000;

/** The Debian 12 packages that provide each program the keyring tests need. */
const requiredPrograms = {
  'dbus-run-session': 'dbus-daemon',
  'gnome-keyring-daemon': 'gnome-keyring',
} as const;

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Throws, naming the packages to install, when a program the keyring tests need is missing. */
export function assertKeyringToolsInstalled(): void {
  const missing = Object.entries(requiredPrograms).filter(([program]) => !onPath(program));
  if (missing.length === 0) return;
  const programs = missing.map(([program]) => program).join(' and ');
  const packages = missing.map(([, pkg]) => pkg).join(' ');
  throw new Error(
    `The keychain tests need a real Secret Service, but ${programs} ${missing.length === 1 ? 'is' : 'are'} not installed. ` +
      `Install with: apt-get install -y ${packages}`,
  );
}

/** The environment of this process without any way to reach a D-Bus session bus. */
function envWithoutSessionBus(runtimeDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  // libdbus also finds a bus at $XDG_RUNTIME_DIR/bus (systemd user sessions) and through X11
  // autolaunch: point the first at an empty folder and drop the display.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  env.XDG_RUNTIME_DIR = runtimeDir;
  // Never let a key from the outside leak into the probe.
  delete env.OPENAI_API_KEY;
  return env;
}

async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'mull-keychain-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runProbe(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ProbeResult> {
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await run(command, args, {
      env,
      cwd: repoRoot,
      timeout: childTimeoutMs,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The keychain probe failed: ${detail}`);
  }
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(lastLine) as ProbeResult;
  } catch {
    throw new Error(`The keychain probe printed no result.\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
}

/** The probe's `mode` under its own session bus and a fresh unlocked gnome-keyring. */
export async function withKeyring(
  mode: 'round-trip' | 'key-origins',
  service: string,
): Promise<ProbeResult> {
  assertKeyringToolsInstalled();
  return inTempDir(async (dir) => {
    const runtimeDir = join(dir, 'runtime');
    const dataDir = join(dir, 'data');
    mkdirSync(runtimeDir, { mode: 0o700 });
    mkdirSync(dataDir, { mode: 0o700 });
    const env: NodeJS.ProcessEnv = {
      ...envWithoutSessionBus(runtimeDir),
      // gnome-keyring keeps its keyring files under $XDG_DATA_HOME/keyrings.
      XDG_DATA_HOME: dataDir,
      PROBE_NODE: process.execPath,
      PROBE_SCRIPT: probeScript,
      PROBE_MODE: mode,
      PROBE_SERVICE: service,
    };
    // --unlock reads the login keyring's password from stdin and creates the keyring unlocked, so
    // nothing prompts. The daemon leaves with the bus when dbus-run-session ends.
    const script =
      'printf pw | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null || exit 97; ' +
      'exec "$PROBE_NODE" --import tsx "$PROBE_SCRIPT" "$PROBE_MODE" "$PROBE_SERVICE"';
    return runProbe('dbus-run-session', ['--', 'sh', '-c', script], env);
  });
}

/** The probe's `mode` with no session bus to reach. */
export async function withoutKeychain(mode: 'no-keychain', service: string): Promise<ProbeResult> {
  return inTempDir((runtimeDir) =>
    runProbe(
      process.execPath,
      ['--import', 'tsx', probeScript, mode, service],
      envWithoutSessionBus(runtimeDir),
    ),
  );
}
