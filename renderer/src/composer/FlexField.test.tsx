// @vitest-environment jsdom
// Flex processing in the UI: the composer offers "Flex (cheaper, may wait)" only for models that
// take it, estimates with the flex price when ticked and submits `serviceTier: "flex"`; a job
// waiting for flex capacity reads so on its badge, and its note offers the standard tier.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { defaultAppSettings, type AppSettings } from '../../../shared/ipc/contract.js';
import type { NewJob } from '../../../shared/job.js';
import { modelRegistry } from '../../../shared/models.js';
import { flexCapacityCode } from '../../../shared/tier-price.js';
import { ApiProvider } from '../data/api-context.js';
import { FlexCapacityNote } from '../job/FlexCapacityNote.js';
import { tierText } from '../job/TierFact.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { presentationOf } from '../status/job-status.js';
import { createFakeApi, type FakeApi } from '../test-support/fake-api.js';
import { fullJob } from '../test-support/job-summaries.js';
import { ComposerForm } from './ComposerForm.js';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function withApi(api: FakeApi, children: ReactNode) {
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    </ApiProvider>
  );
}

function renderComposer(model: string, api: FakeApi = createFakeApi()) {
  const settings: AppSettings = {
    ...defaultAppSettings,
    defaultModel: model,
    notifications: false,
  };
  render(
    withApi(
      api,
      <ComposerForm
        settings={settings}
        models={modelRegistry}
        providers={[]}
        onSubmitted={() => undefined}
        onClose={() => undefined}
      />,
    ),
  );
}

const flexBox = () => screen.queryByLabelText<HTMLInputElement>(/Flex \(cheaper, may wait\)/);
const estimate = () => document.querySelector('.cost-estimate')?.textContent ?? '';

describe('the composer’s flex choice', () => {
  it('is offered for a model that takes flex, not for one that does not', () => {
    renderComposer('o3');
    expect(flexBox()).not.toBeNull();
    cleanup();
    renderComposer('gpt-4.1');
    expect(flexBox()).toBeNull();
  });

  it('lowers the estimate to the flex price and submits serviceTier flex', async () => {
    const user = userEvent.setup();
    const api = createFakeApi({
      'jobs:submit': ({ jobs }) => ({
        jobs: jobs.map((job, index) => fullJob({ id: `j${index}` }, { prompt: job.prompt })),
      }),
    });
    renderComposer('o3', api);
    await user.type(screen.getByLabelText('Prompt'), 'A long book to summarise');
    const standard = estimate();
    const box = flexBox();
    if (!box) throw new Error('no flex checkbox');
    await user.click(box);
    expect(estimate()).not.toBe(standard);
    // o3: $8 per 1M output tokens standard, $4 flex; the high end is the 100,000-token cap.
    expect(standard).toContain('$0.80');
    expect(estimate()).toContain('$0.40');
    await user.click(screen.getByRole('button', { name: /Submit/ }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'jobs:submit')).toBe(true));
    const call = api.calls.find((c) => c.channel === 'jobs:submit');
    const jobs = (call?.request as { jobs: NewJob[] }).jobs;
    expect(jobs[0]).toMatchObject({ model: 'o3', serviceTier: 'flex' });
  });
});

describe('a job waiting for flex capacity', () => {
  const waiting = fullJob({
    id: 'w1',
    status: 'pending',
    serviceTier: 'flex',
    error: { code: flexCapacityCode, message: 'Waiting for flex capacity (HTTP 429).' },
  });

  it('reads "Waiting for flex capacity" on its badge, not "Pending"', () => {
    render(<StatusBadge status="pending" flexWait />);
    expect(screen.getByText('Waiting for flex capacity')).toBeTruthy();
    expect(presentationOf(waiting).label).toBe('Waiting for flex capacity');
  });

  it('offers the standard tier, and asks the engine for it', async () => {
    const user = userEvent.setup();
    const api = createFakeApi({
      'jobs:useStandardTier': ({ id }) => fullJob({ id, status: 'pending', serviceTier: null }),
    });
    render(withApi(api, <FlexCapacityNote job={waiting} />));
    await user.click(screen.getByRole('button', { name: 'Use the standard tier' }));
    await waitFor(() =>
      expect(api.calls).toContainEqual({ channel: 'jobs:useStandardTier', request: { id: 'w1' } }),
    );
  });

  it('shows the tier asked and the tier served', () => {
    expect(tierText({ serviceTier: 'flex', servedTier: null })).toBe('Flex (cheaper, may wait)');
    expect(tierText({ serviceTier: 'flex', servedTier: 'flex' })).toBe('Flex, served flex');
    expect(tierText({ serviceTier: null, servedTier: 'default' })).toBe('Standard, served default');
    expect(tierText({ serviceTier: null, servedTier: null })).toBeNull();
  });
});
