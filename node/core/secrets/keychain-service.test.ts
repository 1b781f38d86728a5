// keychainService() over a scripted key store: timeouts, one call at a time, keys kept in memory,
// and telling when a key can be read again. The same service against a real gnome-keyring that is
// killed under load is in keychain-kill.test.ts.
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from './keychain-error.js';
import type { KeyStore } from './key-store.js';
import { keychainService, type KeychainServiceOptions } from './keychain-service.js';

const keyA = 'sk-service-test-aaaaaaaaaaaaaaaa1111';
const keyB = 'sk-service-test-bbbbbbbbbbbbbbbb2222';

/** A key store whose answers a test decides: now, never, or with a failure. */
class ScriptedStore implements KeyStore {
  readonly keys = new Map<string, string>();
  mode: 'answer' | 'fail' | 'hang' = 'answer';
  calls: string[] = [];
  running = 0;
  mostAtOnce = 0;
  private readonly hung: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];

  /** Resolves when the next call reaches the store. */
  nextCall(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Lets every hung call answer (with what the store holds then). */
  release(): void {
    for (const answer of this.hung.splice(0)) answer();
  }

  private run<T>(what: string, answer: () => T): Promise<T> {
    this.calls.push(what);
    for (const tell of this.waiting.splice(0)) tell();
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    const mode = this.mode;
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        this.running--;
        if (mode === 'fail') reject(new KeychainUnavailableError('the daemon is gone'));
        else resolve(answer());
      };
      if (mode === 'hang') this.hung.push(finish);
      else setImmediate(finish);
    });
  }

  get(providerId: string) {
    return this.run(`get ${providerId}`, () => this.keys.get(providerId));
  }
  set(providerId: string, key: string) {
    return this.run(`set ${providerId}`, () => void this.keys.set(providerId, key.trim()));
  }
  clear(providerId: string) {
    return this.run(`clear ${providerId}`, () => void this.keys.delete(providerId));
  }
  status(): never {
    throw new Error('the service derives status from get');
  }
}

function serviceOver(store: ScriptedStore, options: KeychainServiceOptions = {}) {
  const logged: string[] = [];
  const service = keychainService(store, {
    timeoutMs: 200,
    probeMs: 20,
    log: (line) => logged.push(line),
    ...options,
  });
  return { service, logged };
}

/** Resolves with the first provider id the service says can be read again. */
function nextAvailable(service: ReturnType<typeof keychainService>): Promise<string> {
  return new Promise((resolve) => {
    const stop = service.onAvailableAgain((providerId) => {
      stop();
      resolve(providerId);
    });
  });
}

describe('keychainService', () => {
  it('answers 600 overlapping status reads with one keychain call per provider, one at a time', async () => {
    const store = new ScriptedStore();
    store.keys.set('a', keyA);
    store.keys.set('b', keyB);
    const { service } = serviceOver(store);

    const providers = ['a', 'b', 'none'];
    const statuses = await Promise.all(
      Array.from({ length: 600 }, (_, i) => service.status(providers[i % 3] ?? 'a')),
    );

    expect(statuses.slice(0, 3)).toEqual([
      { set: true, last4: '1111', source: 'keychain' },
      { set: true, last4: '2222', source: 'keychain' },
      { set: false },
    ]);
    expect(store.calls.sort()).toEqual(['get a', 'get b', 'get none']);
    expect(store.mostAtOnce).toBe(1);
    // Held in memory: asking again does not touch the keychain.
    expect(await service.get('a')).toBe(keyA);
    expect(store.calls).toHaveLength(3);
    service.close();
  });

  it('keeps set and clear in memory', async () => {
    const store = new ScriptedStore();
    const { service } = serviceOver(store);

    expect(await service.get('a')).toBeUndefined();
    await service.set('a', `${keyA}\n`);
    expect(await service.get('a')).toBe(keyA);
    await service.clear('a');
    expect(await service.status('a')).toEqual({ set: false });
    expect(store.calls).toEqual(['get a', 'set a', 'clear a']);
    await expect(service.set('a', 'two keys')).rejects.toThrow(/spaces/u);
    expect(store.calls).toHaveLength(3); // refused before the keychain
    service.close();
  });

  it('times out a call the keychain never answers, and fails the next ones at once until it does', async () => {
    const store = new ScriptedStore();
    store.mode = 'hang';
    const { service } = serviceOver(store, { probeMs: 60_000 });

    const first = service.get('a');
    const queued = service.status('b');
    await expect(first).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(first).rejects.toThrow(
      /^Could not read the API key from the OS keychain: timed out after 1 s without an answer\./u,
    );
    // Waiting behind the call that does not answer: told at once, never started.
    await expect(queued).rejects.toThrow(/has not answered an earlier request/u);
    await expect(service.set('c', keyB)).rejects.toThrow(
      /^Could not save the API key in the OS keychain: it has not answered an earlier request/u,
    );
    expect(store.calls).toEqual(['get a']);

    // Its late answer is kept, and said: a job waiting for this key can go on.
    store.keys.set('a', keyA);
    const available = nextAvailable(service);
    store.mode = 'answer';
    store.release();
    expect(await available).toBe('a');
    expect(await service.get('a')).toBe(keyA);
    expect(store.calls).toEqual(['get a']);
    service.close();
  });

  it('tells when a key that could not be read can be read again', async () => {
    const store = new ScriptedStore();
    store.keys.set('a', keyA);
    store.mode = 'fail';
    const { service } = serviceOver(store);

    const failed = service.get('a');
    await expect(failed).rejects.toThrow(
      /^Could not read the API key from the OS keychain: the daemon is gone\./u,
    );
    // The probe keeps asking while the keychain fails...
    await store.nextCall();
    await store.nextCall();
    // ...and once it answers, says so.
    const available = nextAvailable(service);
    store.mode = 'answer';
    expect(await available).toBe('a');
    expect(await service.get('a')).toBe(keyA);
    expect(store.mostAtOnce).toBe(1);
    service.close();
  });

  it('asks again at once for a key that could not be read when another call succeeds', async () => {
    const store = new ScriptedStore();
    store.keys.set('a', keyA);
    store.mode = 'fail';
    const { service } = serviceOver(store, { probeMs: 60_000 }); // no probe in this test
    await expect(service.get('a')).rejects.toBeInstanceOf(KeychainUnavailableError);

    store.mode = 'answer';
    const available = nextAvailable(service);
    await service.set('b', keyB); // the keychain answers again
    expect(await available).toBe('a');
    expect(store.calls).toEqual(['get a', 'set b', 'get a']);
    service.close();
  });

  it('uses the key read before when a later read fails, and says so once', async () => {
    const store = new ScriptedStore();
    store.keys.set('a', keyA);
    // refreshMs 0: every read asks the keychain again in the background.
    const { service, logged } = serviceOver(store, { refreshMs: 0 });
    expect(await service.get('a')).toBe(keyA);

    store.mode = 'fail';
    for (let i = 0; i < 5; i++) {
      expect(await service.get('a')).toBe(keyA);
      // Queued behind the background read: once it has failed, that read has failed too.
      await expect(service.clear('other')).rejects.toThrow(/the daemon is gone/u);
    }
    expect(store.calls.filter((c) => c === 'get a')).toHaveLength(6);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toBe(
      "The OS keychain could not be read (the daemon is gone): using the API key for 'a' read earlier in this session.",
    );
    expect(logged.join('')).not.toContain(keyA);
    service.close();
  });

  it('tells when a background read finds the key changed outside this process', async () => {
    const store = new ScriptedStore();
    store.keys.set('a', keyA);
    const { service } = serviceOver(store, { refreshMs: 0 });
    expect(await service.get('a')).toBe(keyA);

    store.keys.set('a', keyB); // another program changed it
    const available = nextAvailable(service);
    expect(await service.get('a')).toBe(keyA); // the last known key, while it is read again
    expect(await available).toBe('a');
    expect(await service.get('a')).toBe(keyB);
    service.close();
  });
});
