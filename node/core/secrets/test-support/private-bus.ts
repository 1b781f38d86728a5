// Runs a script in a child process on a private D-Bus session bus that starts no service on demand,
// in temporary folders, so that the script can start, SIGKILL and restart its own gnome-keyring
// (keyring-daemon.ts) and the keychain of the person running the tests is never touched.
//
// No activation: the standard session bus starts gnome-keyring by itself when something asks for
// the Secret Service (/usr/share/dbus-1/services/org.freedesktop.secrets.service), so a killed
// daemon would come back at once, locked. Here a killed daemon stays dead until the script starts
// it again.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assertKeyringToolsInstalled } from './run-probe.js';

const run = promisify(execFile);

// `--import tsx` resolves tsx from the working directory: the repository root.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** What keyring-daemon.ts uses besides gnome-keyring, with the Debian 12 package of each. */
const busTools = { gdbus: 'libglib2.0-bin', 'dbus-send': 'dbus-bin' } as const;

function assertBusToolsInstalled(): void {
  const onPath = (program: string) =>
    (process.env.PATH ?? '').split(delimiter).some((dir) => {
      try {
        accessSync(join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  const missing = Object.entries(busTools).filter(([program]) => !onPath(program));
  if (missing.length === 0) return;
  throw new Error(
    `The keychain outage tests need ${missing.map(([program]) => program).join(' and ')}. ` +
      `Install with: apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')}`,
  );
}

/** A private bus's folders (private to this user) and its config file. */
export interface PrivateBusFolders {
  /** For XDG_RUNTIME_DIR. */
  runtimeDir: string;
  /** For XDG_DATA_HOME: gnome-keyring keeps its keyring files under $XDG_DATA_HOME/keyrings. */
  dataDir: string;
  /** The bus's config file (dbus-daemon's or dbus-run-session's --config-file). */
  config: string;
}

/** Makes a private bus's folders under `dir` and writes its config (busConfig). */
export function privateBusFolders(dir: string): PrivateBusFolders {
  const runtimeDir = join(dir, 'runtime');
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'bus');
  for (const folder of [runtimeDir, dataDir, socketDir]) mkdirSync(folder, { mode: 0o700 });
  const config = join(dir, 'session.conf');
  writeFileSync(config, busConfig(socketDir));
  return { runtimeDir, dataDir, config };
}

/** A session bus listening in `socketDir` only, starting no service on demand. */
function busConfig(socketDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/**
 * Runs `node --import tsx script ...args` on its own bus and resolves with the JSON value of the
 * last line it printed. Rejects (with its output) when it fails or runs over `timeoutMs`.
 */
export async function runOnPrivateBus(
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<unknown> {
  assertKeyringToolsInstalled();
  assertBusToolsInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'mull-keychain-bus-'));
  try {
    const { runtimeDir, dataDir, config } = privateBusFolders(dir);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.OPENAI_API_KEY;
    delete env.OPENAI_BASE_URL;
    env.XDG_RUNTIME_DIR = runtimeDir;
    env.XDG_DATA_HOME = dataDir;
    let stdout = '';
    let stderr = '';
    try {
      ({ stdout, stderr } = await run(
        'dbus-run-session',
        [`--config-file=${config}`, '--', process.execPath, '--import', 'tsx', script, ...args],
        { env, cwd: repoRoot, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      ));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`${script} failed: ${detail}`);
    }
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    try {
      return JSON.parse(lastLine) as unknown;
    } catch {
      throw new Error(`${script} printed no result.\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
