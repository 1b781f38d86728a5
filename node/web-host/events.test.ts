// The event stream: what a page hears after a submit, as Server-Sent Events over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../shared/job.js';
import { type JobSummary } from '../../shared/job-summary.js';
import { startHostHarness, testProviderId, type HostHarness } from './test-support/host-harness.js';

let harness: HostHarness | undefined;
afterEach(async () => {
  await harness?.cleanUp();
  harness = undefined;
});

async function submit(h: HostHarness, prompt: string): Promise<Job> {
  const settled = await h.client.call('jobs:submit', {
    jobs: [{ prompt, model: 'gpt-5-pro', providerId: testProviderId }],
  });
  if (!settled.ok) throw new Error(settled.error.message);
  const [job] = (settled.value as { jobs: Job[] }).jobs;
  if (!job) throw new Error('no job');
  return job;
}

const summaryOf = (data: unknown) => (data as { job: JobSummary }).job;

describe('GET /api/events', () => {
  it('tells the retry delay, then every change of a job and its end', async () => {
    const h = (harness = await startHostHarness({
      emulator: { config: { defaultScript: { timing: { deltaIntervalMs: 20 } } } },
    }));
    const stream = await h.client.openEvents();
    await stream.until(() => stream.raw.includes(': connected'), 'the stream to open');
    expect(stream.raw.startsWith('retry: 2000\n')).toBe(true);

    const job = await submit(h, 'Tell me about streams');
    const ofJob = (name: string) =>
      stream.events.filter((e) => e.event === name && summaryOf(e.data).id === job.id);
    await stream.until(() => ofJob('jobs:terminal').length > 0, 'jobs:terminal');

    const changes = ofJob('jobs:changed').map((e) => summaryOf(e.data));
    expect(changes.length).toBeGreaterThan(2);
    const revisions = changes.map((c) => c.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(changes.map((c) => c.status)).toContain('in_progress');
    expect(summaryOf(ofJob('jobs:terminal')[0]?.data)).toMatchObject({ status: 'completed' });
    expect(changes.at(-1)).toMatchObject({ status: 'completed' });
    stream.close();
  });

  it('tells a deletion', async () => {
    const h = (harness = await startHostHarness());
    const job = await submit(h, 'Soon gone');
    await h.waitForTerminal(job.id);
    const stream = await h.client.openEvents();
    expect(await h.client.call('jobs:delete', { id: job.id })).toMatchObject({ ok: true });
    await stream.until(() => stream.events.some((e) => e.event === 'jobs:deleted'), 'jobs:deleted');
    expect(stream.events.find((e) => e.event === 'jobs:deleted')?.data).toEqual({ id: job.id });
    stream.close();
  });

  it('sends a comment heartbeat while idle', async () => {
    const h = (harness = await startHostHarness({ host: { heartbeatMs: 30 } }));
    const stream = await h.client.openEvents();
    await stream.until(() => stream.raw.split(': heartbeat\n\n').length > 2, 'two heartbeats');
    expect(stream.events).toEqual([]); // comments are not events
    stream.close();
  });

  it('ends the streams when the host closes', async () => {
    const h = (harness = await startHostHarness());
    const stream = await h.client.openEvents();
    await stream.until(() => stream.raw.includes(': connected'), 'the stream to open');
    await h.close();
    await stream.until(() => stream.ended, 'the end of the stream');
  });
});
