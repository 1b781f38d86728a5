// The OS keychain as a service that can fail: what the app, the web host and the CLI read keys
// through (osKeychain() alone is only the library, mapped). The keychain is a daemon on Linux
// (gnome-keyring, KWallet, KeePassXC) and it can hang, die or be restarted under Mull's feet: 600
// reads at once were seen to crash gnome-keyring, and a daemon that never answered left every job
// "submitting" and `keys:status` unanswered. So:
//
// - Every call has a timeout (timeoutMs): a caller always hears back, at worst with a
//   KeychainUnavailableError that says the keychain did not answer in time.
// - Calls run one at a time, in order. Reads of one key that overlap share one call. A
//   call that timed out may still be running in the library (it cannot be cancelled, and it holds
//   one of libuv's few threads): until it returns nothing else is started, and callers are told at
//   once that the keychain has not answered.
// - Keys are kept in memory for the process's life: a job reads its key from memory, not from the
//   keychain. set() and clear() through this process update that memory. A key is read again in
//   the background once it is older than refreshMs, to see a change made outside this process; if
//   that read fails the key read before is used (and said so in the log, once per failure).
// - A key that could not be read (no key known yet) is tried again after probeMs, then less and
//   less often (up to probeMaxMs), and at once after any call that succeeds. When it can be read
//   again, or a background read finds that a key changed, onAvailableAgain's listeners hear its
//   account: the composition roots (backend.ts, cli/session.ts) call JobManager.keyChanged(), so
//   jobs paused for a key go on by themselves.
import { KeychainUnavailableError, type KeychainAction } from './keychain-error.js';
import type { KeyStatus, KeyStore } from './key-store.js';
import { maskKey } from './mask-key.js';
import { osKeychain } from './os-keychain.js';
import { validateKey } from './validate-key.js';

export interface KeychainServiceOptions {
  /** How long a caller waits for the keychain, queue included. Default 5 s. */
  timeoutMs?: number;
  /** How soon a key that could not be read is first tried again (then less often). Default 5 s. */
  probeMs?: number;
  /** The longest wait between two tries while the keychain keeps failing. Default 1 minute. */
  probeMaxMs?: number;
  /** After this long a key held in memory is read again in the background. Default 1 minute. */
  refreshMs?: number;
  /** Where to say that a key read earlier is used because the keychain failed (never the key). */
  log?: (message: string) => void;
}

/** Tells when a key that could not be read can be read again (or changed outside this process). */
export interface KeyAvailability {
  /** `listener(account)` (the keychain account, key-account.ts); returns a function that removes it. */
  onAvailableAgain(listener: (account: string) => void): () => void;
}

export interface KeychainService extends KeyStore, KeyAvailability {
  /** Stops retrying unreadable keys; calls made after still work. */
  close(): void;
}

export const keychainDefaults = {
  timeoutMs: 5_000,
  probeMs: 5_000,
  probeMaxMs: 60_000,
  refreshMs: 60_000,
} as const;

interface Known {
  key: string | undefined;
  /** When the keychain was last asked (successfully or not) about this key. */
  checkedAt: number;
}

interface Task {
  action: KeychainAction;
  run: () => Promise<unknown>;
  settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
}

/** `store` (the OS keychain by default) with timeouts, one call at a time, and keys in memory. */
export function keychainService(
  store: KeyStore = osKeychain(),
  options: KeychainServiceOptions = {},
): KeychainService {
  const timeoutMs = options.timeoutMs ?? keychainDefaults.timeoutMs;
  const probeMs = options.probeMs ?? keychainDefaults.probeMs;
  const probeMaxMs = Math.max(probeMs, options.probeMaxMs ?? keychainDefaults.probeMaxMs);
  const refreshMs = options.refreshMs ?? keychainDefaults.refreshMs;
  const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

  const known = new Map<string, Known>();
  /** Reads under way, by account: overlapping reads share one call. */
  const reading = new Map<string, Promise<string | undefined>>();
  /** Accounts whose key could not be read and is not known: someone was told "unavailable". */
  const unreadable = new Set<string>();
  /** Accounts whose earlier key is in use while the keychain fails (logged once). */
  const servedFromMemory = new Set<string>();
  const listeners = new Set<(account: string) => void>();
  const queue: Task[] = [];
  /** The call the library is running; `overdue` once its caller was told it timed out. */
  let running: { startedAt: number; overdue: boolean } | undefined;
  let probe: NodeJS.Timeout | undefined;
  let probeDelayMs = probeMs;
  let closed = false;

  const notAnswering = (action: KeychainAction) =>
    new KeychainUnavailableError(
      `it has not answered an earlier request for ${seconds(Date.now() - (running?.startedAt ?? Date.now()))}`,
      action,
    );

  /** Runs `run` when the calls before it are done; rejects after timeoutMs whatever happens. */
  function call<T>(action: KeychainAction, run: () => Promise<T>): Promise<T> {
    if (running?.overdue) return Promise.reject(notAnswering(action));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const task: Task = {
        action,
        run,
        settle: (outcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (outcome.ok) resolve(outcome.value as T);
          else
            reject(
              outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)),
            );
        },
      };
      const timer = setTimeout(() => {
        const waiting = queue.indexOf(task);
        if (waiting >= 0) queue.splice(waiting, 1);
        else if (running) overdue();
        task.settle({
          ok: false,
          error: new KeychainUnavailableError(
            `timed out after ${seconds(timeoutMs)} without an answer`,
            action,
          ),
        });
      }, timeoutMs);
      queue.push(task);
      next();
    });
  }

  /** The running call timed out: nothing starts before it returns, so the waiting calls fail now. */
  function overdue(): void {
    if (!running) return;
    running.overdue = true;
    for (const task of queue.splice(0))
      task.settle({ ok: false, error: notAnswering(task.action) });
  }

  function next(): void {
    if (running) return;
    const task = queue.shift();
    if (!task) return;
    running = { startedAt: Date.now(), overdue: false };
    const done = (outcome: Parameters<Task['settle']>[0]) => {
      running = undefined;
      task.settle(outcome);
      next();
    };
    task.run().then(
      (value) => done({ ok: true, value }),
      (error: unknown) => done({ ok: false, error }),
    );
  }

  function tell(account: string): void {
    for (const listener of [...listeners]) {
      try {
        listener(account);
      } catch (error) {
        options.log?.(
          `A listener for the keychain answering again failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** What a read found, applied even when its caller already gave up waiting. */
  function learned(account: string, key: string | undefined): void {
    const before = known.get(account);
    known.set(account, { key, checkedAt: Date.now() });
    servedFromMemory.delete(account);
    const wasUnreadable = unreadable.delete(account);
    if (wasUnreadable || (before !== undefined && before.key !== key)) tell(account);
    answered();
  }

  /** The keychain answered a call: keys that could not be read are tried at once. */
  function answered(): void {
    probeDelayMs = probeMs;
    for (const account of unreadable) void read(account).catch(() => undefined);
  }

  function readFailed(account: string, error: unknown): void {
    if (!(error instanceof KeychainUnavailableError)) return;
    const last = known.get(account);
    if (last === undefined) {
      unreadable.add(account);
      startProbing();
      return;
    }
    // Keep the key read before; ask again only after another refreshMs.
    last.checkedAt = Date.now();
    if (!servedFromMemory.has(account)) {
      servedFromMemory.add(account);
      options.log?.(
        `The OS keychain could not be read (${error.reason}): using the API key for '${account}' read earlier in this session.`,
      );
    }
  }

  function read(account: string): Promise<string | undefined> {
    const under = reading.get(account);
    if (under) return under;
    const attempt = call('read', async () => {
      const key = await store.get(account);
      learned(account, key);
      return key;
    });
    const shared = attempt.then(
      (key) => {
        if (reading.get(account) === shared) reading.delete(account);
        return key;
      },
      (error: unknown) => {
        if (reading.get(account) === shared) reading.delete(account);
        readFailed(account, error);
        throw error;
      },
    );
    reading.set(account, shared);
    return shared;
  }

  /**
   * Tries one unreadable key after probeDelayMs, waiting twice as long after each failure (up to
   * probeMaxMs): a keychain that is down is not asked over and over. A success tries the others at
   * once (answered) and the next outage starts again from probeMs.
   */
  function startProbing(): void {
    if (closed || probe !== undefined || unreadable.size === 0) return;
    probe = setTimeout(() => {
      probe = undefined;
      const [first] = unreadable;
      if (first === undefined) return;
      probeDelayMs = Math.min(probeDelayMs * 2, probeMaxMs);
      // While an earlier call has not returned, nothing is asked: its answer is awaited instead.
      if (running?.overdue) startProbing();
      else void read(first).catch(() => undefined);
    }, probeDelayMs);
    probe.unref();
  }

  async function get(account: string): Promise<string | undefined> {
    const last = known.get(account);
    if (last === undefined) return read(account);
    if (Date.now() - last.checkedAt >= refreshMs) void read(account).catch(() => undefined);
    return last.key;
  }

  return {
    get,
    async set(account, key) {
      const valid = validateKey(key);
      reading.delete(account); // a read started before this must not be joined after it
      await call('save', async () => {
        await store.set(account, valid);
        known.set(account, { key: valid, checkedAt: Date.now() });
        unreadable.delete(account);
        servedFromMemory.delete(account);
        answered();
      });
    },
    async clear(account) {
      reading.delete(account);
      await call('remove', async () => {
        await store.clear(account);
        known.set(account, { key: undefined, checkedAt: Date.now() });
        unreadable.delete(account);
        servedFromMemory.delete(account);
        answered();
      });
    },
    async status(account): Promise<KeyStatus> {
      const key = await get(account);
      return key === undefined
        ? { set: false }
        : { set: true, last4: maskKey(key), source: 'keychain' };
    },
    onAvailableAgain(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(probe);
      probe = undefined;
    },
  };
}
