// A request that cannot have a key sends nothing and pauses the job for a key: none is set ("No API
// key is set"), or the key store failed (its own sentence, e.g. the OS keychain timed out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { KeychainUnavailableError } from '../secrets/index.js';
import { classifyFailure } from './failure.js';
import { ResponsesClient, type KeyLookup } from './responses-client.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

async function createWith(key: KeyLookup): Promise<unknown> {
  const client = new ResponsesClient({ baseUrl: emulator.baseURL, authStyle: 'bearer' }, key);
  try {
    await client.create({ model: 'gpt-5', input: 'Hello' }, new AbortController().signal);
  } catch (error) {
    return error;
  }
  throw new Error('the create went out');
}

describe('a create without a key', () => {
  it('with none set: needs key, "No API key is set"', async () => {
    const thrown = await createWith(() => Promise.resolve(undefined));
    expect(classifyFailure(thrown, 'create')).toEqual({
      kind: 'needs_key',
      reason: 'No API key is set for this provider.',
    });
    expect(emulator.state.log.list({ kind: 'create' })).toHaveLength(0);
  });

  it("when the keychain fails: needs key, with the keychain's sentence and what happens next", async () => {
    const thrown = await createWith(() =>
      Promise.reject(new KeychainUnavailableError('timed out after 5 s without an answer')),
    );
    const failure = classifyFailure(thrown, 'create');
    expect(failure.kind).toBe('needs_key');
    const reason = failure.kind === 'needs_key' ? failure.reason : '';
    expect(reason).toMatch(
      /^Could not read the API key from the OS keychain: timed out after 5 s without an answer\. /u,
    );
    expect(reason).toMatch(/Paused jobs go on by themselves once the key can be read again\.$/u);
    expect(emulator.state.log.list({ kind: 'create' })).toHaveLength(0);
  });
});
