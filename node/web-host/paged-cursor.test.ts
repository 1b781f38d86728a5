// A malformed page cursor is the caller's mistake: every paged channel of the contract answers it
// with BAD_REQUEST and the store's sentence, never INTERNAL. The paged channels are found in the
// contract itself (a `cursor` in the request, a `nextCursor` in the answer), so a new one is covered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requests, type RequestChannel } from '../../shared/ipc/contract.js';
import { startHostHarness, type HostHarness } from './test-support/host-harness.js';

let harness: HostHarness;
beforeAll(async () => {
  harness = await startHostHarness();
  // A few jobs, so a good cursor exists and the store has something to page through.
  const submitted = await harness.client.call('jobs:submit', {
    jobs: ['one', 'two', 'three'].map((prompt) => ({ prompt, model: 'gpt-5-pro' })),
  });
  expect(submitted.ok).toBe(true);
});
afterAll(async () => {
  await harness.cleanUp();
});

function hasKey(schema: unknown, key: string): boolean {
  return schema instanceof z.ZodObject && Object.hasOwn(schema.shape, key);
}

const channels = Object.keys(requests) as RequestChannel[];
const pagedChannels = channels.filter((channel) => hasKey(requests[channel].req, 'cursor'));

const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const malformed: [string, string][] = [
  ['not base64url JSON', 'not a cursor!'],
  ['base64url of something else', cursorOf({ page: 2 })],
  ['a tuple of the wrong shape', cursorOf(['createdAt', 'desc', 'soon', ''])],
  ['a cursor of another sort order', cursorOf(['updatedAt', 'asc', 0, 'job-1'])],
  ['cut short', cursorOf(['createdAt', 'desc', 0, 'job-1']).slice(0, 12)],
];

it('finds the paged channels in the contract: a cursor in, a nextCursor out', () => {
  expect(pagedChannels).toContain('jobs:list');
  const answeringPages = channels.filter((channel) => hasKey(requests[channel].res, 'nextCursor'));
  expect(pagedChannels.toSorted()).toEqual(answeringPages.toSorted());
});

describe.each(pagedChannels)('%s', (channel) => {
  it.each(malformed)(
    'answers a cursor that is %s with BAD_REQUEST and a sentence',
    async (_what, cursor) => {
      const settled = await harness.client.call(channel, { cursor });
      expect(settled).toEqual({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: expect.stringMatching(
            /^The page cursor is not valid for this query \(.+\)\. Start again from the first page\.$/,
          ) as unknown,
        },
      });
    },
  );

  it('still pages with the cursor it gave', async () => {
    const first = await harness.client.call(channel, { limit: 1 });
    expect(first).toMatchObject({ ok: true });
    const nextCursor = (first as { value: { nextCursor: string | null } }).value.nextCursor;
    expect(nextCursor).toEqual(expect.any(String));
    expect(await harness.client.call(channel, { limit: 1, cursor: nextCursor })).toMatchObject({
      ok: true,
    });
  });
});
