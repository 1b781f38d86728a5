// `npm run demo` without Electron: the emulator in process, a demo provider as the default, no key
// needed, jobs that run to the end, and a temporary data directory that is gone after the stop.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { Job } from '../../shared/job.js';
import { type JobSummary } from '../../shared/job-summary.js';
import { HostClient } from '../web-host/test-support/host-client.js';
import { isolatedEnv, spawnServer } from '../web-host/test-support/spawn-server.js';

const demoScript = fileURLToPath(new URL('./start-demo.ts', import.meta.url));

it('runs a job on the emulator with no key, in demo mode, starts with a deep-research job, and cleans up', async () => {
  const env = isolatedEnv({ ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'mull-no-electron') });
  const server = await spawnServer(demoScript, ['--speed', '200'], env);
  let dataDir = '';
  try {
    const client = new HostClient(server.origin, server.token);
    const info = await client.call('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'demo', driving: true } });
    dataDir = info.ok ? (info.value as { dataDir: string }).dataDir : '';
    expect(await client.call('settings:get', {})).toMatchObject({
      ok: true,
      value: { defaultProviderId: 'demo', defaultModel: 'gpt-5-pro' },
    });
    expect(await client.call('keys:status', { providerId: 'demo' })).toMatchObject({
      ok: true,
      value: { set: true },
    });

    const events = await client.openEvents();
    const submitted = await client.call('jobs:submit', {
      jobs: [
        {
          prompt: 'Why is the sky blue?',
          model: 'gpt-5-pro',
          providerId: 'demo',
          reasoningSummary: 'auto',
        },
      ],
    });
    const id = submitted.ok ? (submitted.value as { jobs: Job[] }).jobs[0]?.id : undefined;
    await events.until(
      () =>
        events.events.some(
          (e) => e.event === 'jobs:terminal' && (e.data as { job: JobSummary }).job.id === id,
        ),
      'the demo job to end',
    );
    const detail = await client.call('jobs:get', { id });
    expect(detail).toMatchObject({ ok: true, value: { job: { status: 'completed' } } });
    const job = detail.ok ? (detail.value as { job: Job }).job : undefined;
    expect(job?.reasoningSummary).toContain('Reading the question');
    expect(job?.answer).toContain('Why is the sky blue?');
    events.close();

    // The demo starts with one deep-research job with web search: it ends with its sources.
    const listed = await client.call('jobs:list', {});
    const summaries = listed.ok ? (listed.value as { jobs: JobSummary[] }).jobs : [];
    const research = summaries.find((s) => s.id !== id);
    expect(research).toMatchObject({ model: 'o4-mini-deep-research' });
    let finished: Job | undefined;
    for (let tries = 0; tries < 300 && finished?.status !== 'completed'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const got = await client.call('jobs:get', { id: research?.id });
      finished = got.ok ? (got.value as { job: Job }).job : undefined;
    }
    expect(finished?.status).toBe('completed');
    expect(finished?.tools).toMatchObject({ webSearch: true });
    expect(finished?.answer).toContain('## Sources');
    expect(finished?.answer).toContain('utm_source=openai');
  } finally {
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }
  expect(dataDir).toMatch(/mull-demo-/);
  expect(existsSync(dataDir)).toBe(false);
});
