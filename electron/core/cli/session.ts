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
import {
  keychainService,
  keySourceFor,
  providerIdOfAccount,
  type KeychainService,
} from '../secrets/index.js';
import type { CliIo } from './cli-io.js';

export interface GlobalValues {
  'data-dir'?: string | undefined;
  json?: boolean | undefined;
}

export class CliSession {
  readonly dataDir: string;
  readonly json: boolean;
  private keySource: KeySource | undefined;
  private keychain: KeychainService | undefined;

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
    this.keySource ??= keySourceFor(this.io.env, this.osKeys);
    return this.keySource;
  }

  /** The OS keychain with timeouts, one call at a time and keys in memory (asked only when needed). */
  private get osKeys(): KeychainService {
    this.keychain ??= keychainService();
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
  openReader(): JobManager {
    return this.open(false);
  }

  /** Reads only (list, show, search): works on a data directory Mull may not write to. */
  openReadOnly(): JobManager {
    return this.open(false, true);
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

  /**
   * The keys a manager's jobs are sent with: the same for every manager. OPENAI_API_KEY also
   * serves the server OPENAI_BASE_URL names (the SDK's pairing; see secrets/key-source.ts).
   */
  keysFor(_manager: JobManager): KeySource {
    return this.storedKeys;
  }

  private open(drive: boolean, readOnly = false): JobManager {
    const opened: { manager?: JobManager } = {};
    opened.manager = JobManager.open({
      dataDir: this.dataDir,
      keys: this.storedKeys,
      drive,
      readOnly,
      engine: engineOptionsFrom(this.io.env),
    });
    // `mull run --watch`: jobs paused because the keychain failed go on once it answers again.
    if (drive)
      this.osKeys.onAvailableAgain((account) =>
        opened.manager?.keyChanged(providerIdOfAccount(account)),
      );
    return opened.manager;
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
