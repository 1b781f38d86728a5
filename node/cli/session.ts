// One command's session: the global options (data directory, --json), the key source, the output
// helpers, and opening the job manager either as the driver or as a reader.
//
// The engine (and with it the OpenAI SDK) and the keychain library are loaded when a command first
// opens the jobs or asks for a key, never at start: `mull --help` loads neither, `mull list` no
// keychain (docs: README, "The command line").
import { resolve } from 'node:path';
import { currentPlatform, defaultDataDir } from '../core/app-data-dir.js';
import type { EngineOptionsInput, JobManager, KeySource } from '../core/engine/index.js';
import type { KeychainService, KeySourceWithStatus } from '../core/secrets/index.js';
import type { CliIo } from './cli-io.js';
import type { JobReader } from '../core/engine/job-reader.js';

export interface GlobalValues {
  'data-dir'?: string | undefined;
  json?: boolean | undefined;
}

type Engine = typeof import('../core/engine/index.js');
type Secrets = typeof import('../core/secrets/index.js');

export class CliSession {
  readonly dataDir: string;
  readonly json: boolean;
  private keySource: Promise<KeySourceWithStatus> | undefined;
  private keychain: Promise<KeychainService> | undefined;
  /** Every key the manager asks for goes through here, so the keychain loads on the first one. */
  private readonly lazyKeys: KeySource = {
    get: async (provider) => (await this.keys()).get(provider),
  };

  constructor(
    readonly io: CliIo,
    values: GlobalValues,
  ) {
    this.dataDir = resolve(
      values['data-dir'] ?? defaultDataDir({ ...currentPlatform(), env: io.env }),
    );
    this.json = values.json ?? false;
  }

  /** The engine's public face, loaded on first use. */
  engine(): Promise<Engine> {
    return import('../core/engine/index.js');
  }

  /** The keychain module, loaded on first use. */
  secrets(): Promise<Secrets> {
    return import('../core/secrets/index.js');
  }

  /** OPENAI_API_KEY for OpenAI, else the OS keychain (read only when a key is needed). */
  keys(): Promise<KeySourceWithStatus> {
    this.keySource ??= (async () => {
      const { keySourceFor } = await this.secrets();
      return keySourceFor(this.io.env, await this.osKeys());
    })();
    return this.keySource;
  }

  /** The OS keychain with timeouts, one call at a time and keys in memory (asked only when needed). */
  osKeys(): Promise<KeychainService> {
    this.keychain ??= this.secrets().then(({ keychainService }) => keychainService());
    return this.keychain;
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
  openReader(): Promise<JobManager> {
    return this.open(false);
  }

  /**
   * Reads the engine's settings only (`mull templates`, `mull providers`): nothing can be stored
   * through it, so, like list, show and search, it never pays for reading the whole database
   * after an unclean shutdown (store/open-database.ts), and reads one Mull may not write to.
   */
  openSettingsReader(): Promise<JobManager> {
    return this.open(false, true);
  }

  /**
   * Reads only (list, show, search): works on a data directory Mull may not write to. The store
   * itself, through the engine's read-only face (engine/job-reader.ts).
   */
  async openReadOnly(): Promise<JobReader> {
    const { JobReader } = await import('../core/engine/job-reader.js');
    return JobReader.open(this.dataDir);
  }

  /** Takes the driver lock; throws DriverLockedError when another process drives these jobs. */
  openDriver(): Promise<JobManager> {
    return this.open(true);
  }

  /** The driver when no other process drives, else undefined. */
  async tryOpenDriver(): Promise<JobManager | undefined> {
    const { DriverLockedError } = await this.engine();
    try {
      return await this.openDriver();
    } catch (error) {
      if (error instanceof DriverLockedError) return undefined;
      throw error;
    }
  }

  /**
   * The keys a manager's jobs are sent with: the same for every manager. OPENAI_API_KEY also
   * serves the server OPENAI_BASE_URL names (the SDK's pairing; see secrets/key-source.ts).
   */
  keysFor(_manager: JobManager): KeySource {
    return this.lazyKeys;
  }

  private async open(drive: boolean, readOnly = false): Promise<JobManager> {
    const { JobManager } = await this.engine();
    const manager = JobManager.open({
      dataDir: this.dataDir,
      keys: this.lazyKeys,
      drive,
      readOnly,
      engine: engineOptionsFrom(this.io.env),
    });
    // `mull run --watch`: jobs paused because the keychain failed go on once it answers again.
    if (drive) {
      const [osKeys, { providerIdOfAccount }] = await Promise.all([this.osKeys(), this.secrets()]);
      osKeys.onAvailableAgain((account) => manager.keyChanged(providerIdOfAccount(account)));
    }
    return manager;
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
