// Runs one of Mull's server entry points (serve.ts, the launcher, the demo) in a child process
// under tsx, waits for the line with its URL, and hands back a way to stop or kill it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// `--import tsx` resolves tsx from the working directory: the repository root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedServer {
  /** The address it printed (the token in its fragment). */
  url: string;
  origin: string;
  token: string;
  pid: number;
  /** Every stdout line so far. */
  stdout: string[];
  stderr(): string;
  exited: Promise<Exit>;
  /** Sends the signal (unless it has exited) and resolves once it has. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export async function spawnServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} printed no URL within ${timeoutMs} ms.\n${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const found = /http:\/\/\S+#token=\S+/.exec(line)?.[0];
      if (found === undefined) return;
      clearTimeout(timer);
      resolve(found);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before serving.\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    pid: child.pid ?? -1,
    stdout,
    stderr: () => stderr,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** This environment with no way to reach a keychain or a real OpenAI key. */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  if (extra.OPENAI_API_KEY === undefined) delete env.OPENAI_API_KEY;
  if (extra.MULL_DATA_DIR === undefined) delete env.MULL_DATA_DIR;
  return env;
}
