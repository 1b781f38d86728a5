// One command's session: the global options (data directory, --json), the key source, the output
// helpers, and opening the job manager either as the driver or as a reader.
import { resolve } from 'node:path';
import { currentPlatform, defaultDataDir } from '../app-data-dir.js';
import {
  DriverLockedError,
  type EngineOptionsInput,
  JobManager,
  type KeySource,
} from '../engine/index.js';
import { keySourceFor, osKeychain } from '../secrets/index.js';
import type { CliIo } from './cli-io.js';
import { pairedKeySource } from './paired-key-source.js';

export interface GlobalValues {
  'data-dir'?: string | undefined;
  json?: boolean | undefined;
}

export class CliSession {
  readonly dataDir: string;
  readonly json: boolean;
  private keySource: KeySource | undefined;

  constructor(
    readonly io: CliIo,
    values: GlobalValues,
  ) {
    this.dataDir = resolve(
      values['data-dir'] ?? defaultDataDir({ ...currentPlatform(), env: io.env }),
    );
    this.json = values.json ?? false;
  }

  /** OPENAI_API_KEY for OpenAI, else the OS keychain (read only when a key is needed). */
  private get storedKeys(): KeySource {
    this.keySource ??= keySourceFor(this.io.env, osKeychain());
    return this.keySource;
  }

  /** Data for scripts: stdout. */
  out(text: string): void {
    this.io.stdout.write(text);
  }

  /** Everything said to the person: stderr, one line each. */
  say(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** With --json: the command's one JSON document. */
  printJson(value: unknown): void {
    this.out(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Reads and stores only; never sends anything (another process may be driving). */
  openReader(): JobManager {
    return this.open(false);
  }

  /** Takes the driver lock; throws DriverLockedError when another process drives these jobs. */
  openDriver(): JobManager {
    return this.open(true);
  }

  /** The driver when no other process drives, else undefined. */
  tryOpenDriver(): JobManager | undefined {
    try {
      return this.openDriver();
    } catch (error) {
      if (error instanceof DriverLockedError) return undefined;
      throw error;
    }
  }

  /** The keys a manager's jobs are sent with (see pairedKeySource). */
  keysFor(manager: JobManager): KeySource {
    return this.pairedKeys(() => manager);
  }

  private open(drive: boolean): JobManager {
    const opened: { manager?: JobManager } = {};
    opened.manager = JobManager.open({
      dataDir: this.dataDir,
      keys: this.pairedKeys(() => opened.manager),
      drive,
      engine: engineOptionsFrom(this.io.env),
    });
    return opened.manager;
  }

  /** The pairing reads the providers, which live in the manager's database: looked up lazily. */
  private pairedKeys(manager: () => JobManager | undefined): KeySource {
    return pairedKeySource(this.io.env, this.storedKeys, (id) =>
      manager()
        ?.settings.providers()
        .find((p) => p.id === id),
    );
  }
}

/**
 * Test-only: engine timings (stall threshold, backoff...) as JSON in MULL_ENGINE_OPTIONS, e.g.
 * '{"stallMs":1500,"backoff":{"baseMs":20}}', for tests that drive `mull run` in a child process.
 * Unset (always, for people): the defaults.
 */
function engineOptionsFrom(env: NodeJS.ProcessEnv): EngineOptionsInput | undefined {
  const text = env.MULL_ENGINE_OPTIONS;
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('MULL_ENGINE_OPTIONS must be a JSON object (it is for tests only).');
  return value;
}
