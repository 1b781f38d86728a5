// A gnome-keyring daemon on this process's session bus, for scripts run by runOnPrivateBus: start it
// (unlocked, nothing prompts), learn its pid from the bus, SIGKILL it, start it again. Its keyring
// files stay in $XDG_DATA_HOME/keyrings, so a restarted daemon has the keys stored before.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const secretService = 'org.freedesktop.secrets';

/** The pid of the process that owns the Secret Service name now, or undefined if none does. */
export async function secretServicePid(): Promise<number | undefined> {
  try {
    const { stdout } = await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      `string:${secretService}`,
    ]);
    const pid = /uint32 (\d+)/u.exec(stdout)?.[1];
    return pid === undefined ? undefined : Number(pid);
  } catch {
    return undefined; // NameHasNoOwner
  }
}

/** Starts gnome-keyring with an unlocked login keyring; resolves with its pid once it serves. */
export async function startKeyring(): Promise<number> {
  // --unlock reads the login keyring's password from stdin (creating the keyring the first time).
  await run('sh', [
    '-c',
    'printf pw | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null',
  ]);
  // The daemonized process takes the name a moment after its parent exits: wait for the bus to say so.
  await run('gdbus', ['wait', '--session', '--timeout', '10', secretService]);
  const pid = await secretServicePid();
  if (pid === undefined)
    throw new Error('gnome-keyring started but does not own the Secret Service');
  return pid;
}

/** SIGKILL: no clean-up, as when the daemon crashes. */
export function killKeyring(pid: number): void {
  process.kill(pid, 'SIGKILL');
}
