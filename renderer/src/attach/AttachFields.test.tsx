// @vitest-environment jsdom
// The attach form (inside the "Attach response…" dialog) and the form on a job of unknown fate:
// Enter attaches, the request carries exactly what was typed and chosen, progress shows while the
// provider is asked, and a refusal's sentence is shown as it came, with nothing opened.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/ipc/envelope.js';
import type { ProviderConfig } from '../../../shared/provider.js';
import { ApiProvider } from '../data/api-context.js';
import { AttachUnknownForm } from '../job/AttachUnknownForm.js';
import { createFakeApi, type FakeHandlers } from '../test-support/fake-api.js';
import { fullJob } from '../test-support/job-summaries.js';
import { AttachFields } from './AttachFields.js';

afterEach(cleanup);

const providers: ProviderConfig[] = [
  {
    id: 'openai',
    kind: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    authStyle: 'bearer',
  },
  {
    id: 'local',
    kind: 'compatible',
    label: 'Local server',
    baseUrl: 'http://127.0.0.1:8080/v1',
    authStyle: 'bearer',
  },
];

const refusal =
  'Local server does not know response resp_nope (check the id and the provider); nothing was attached.';

function renderWith(handlers: FakeHandlers, ui: ReactNode) {
  const api = createFakeApi(handlers);
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </ApiProvider>,
  );
  return api;
}

/** A promise the test settles itself, to see the form while the request is in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the attach dialog’s form', () => {
  it('Enter attaches with the id (trimmed), the title and the chosen provider; then opens the job', async () => {
    const user = userEvent.setup();
    const answer = deferred<ReturnType<typeof fullJob>>();
    const onAttached = vi.fn();
    const api = renderWith(
      { 'jobs:attach': () => answer.promise },
      <AttachFields
        providers={providers}
        defaultProviderId="local"
        onClose={() => undefined}
        onAttached={onAttached}
      />,
    );
    const attach = screen.getByRole('button', { name: 'Attach' });
    expect(attach).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Provider')).toHaveProperty('value', 'local');
    expect(document.activeElement).toBe(screen.getByLabelText('Response id'));

    await user.type(screen.getByLabelText('Title (optional)'), 'From the notebook');
    await user.selectOptions(screen.getByLabelText('Provider'), 'openai');
    await user.type(screen.getByLabelText('Response id'), '  resp_0a63abc  {Enter}');

    expect(api.calls).toEqual([
      {
        channel: 'jobs:attach',
        request: { responseId: 'resp_0a63abc', providerId: 'openai', title: 'From the notebook' },
      },
    ]);
    const busy = await screen.findByRole('button', { name: 'Attaching…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    // A second Enter while the provider is asked sends nothing more.
    await user.type(screen.getByLabelText('Response id'), '{Enter}');
    expect(api.calls).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toMatch(/Asking the provider/);

    answer.resolve(fullJob({ id: 'job-1', status: 'in_progress', responseId: 'resp_0a63abc' }));
    await vi.waitFor(() => expect(onAttached).toHaveBeenCalledWith('job-1'));
  });

  it('a refusal: its sentence shown as it came, nothing opened, the id kept to correct', async () => {
    const user = userEvent.setup();
    const onAttached = vi.fn();
    renderWith(
      {
        'jobs:attach': () => Promise.reject(new ContractError('REFUSED', refusal)),
      },
      <AttachFields
        providers={providers}
        defaultProviderId="local"
        onClose={() => undefined}
        onAttached={onAttached}
      />,
    );
    await user.type(screen.getByLabelText('Response id'), 'resp_nope');
    await user.click(screen.getByRole('button', { name: 'Attach' }));

    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(onAttached).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Response id')).toHaveProperty('value', 'resp_nope');
    expect(document.activeElement).toBe(screen.getByLabelText('Response id'));
    expect(screen.getByRole('button', { name: 'Attach' }).getAttribute('aria-disabled')).toBe(
      'false',
    );
  });

  it('a default provider that no longer exists: the first one is chosen', () => {
    renderWith(
      {},
      <AttachFields
        providers={providers}
        defaultProviderId="removed"
        onClose={() => undefined}
        onAttached={() => undefined}
      />,
    );
    expect(screen.getByLabelText('Provider')).toHaveProperty('value', 'openai');
  });
});

describe('a job of unknown fate', () => {
  const unknown = fullJob({
    id: 'job-unknown',
    status: 'unknown',
    error: { code: 'unknown', message: 'The connection failed after the job was sent.' },
  });

  it('explains itself and attaches the id to this job', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const api = renderWith(
      {
        'jobs:attach': () =>
          fullJob({ id: 'job-unknown', status: 'in_progress', responseId: 'resp_found' }),
      },
      <AttachUnknownForm job={unknown} onOpen={onOpen} />,
    );
    expect(screen.getByText(/Mull sent this job but never learned its response id/)).toBeTruthy();
    await user.type(screen.getByLabelText('Response id'), 'resp_found{Enter}');
    expect(api.calls).toEqual([
      { channel: 'jobs:attach', request: { responseId: 'resp_found', jobId: 'job-unknown' } },
    ]);
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith('job-unknown'));
  });

  it('shows the refusal sentence', async () => {
    const user = userEvent.setup();
    renderWith(
      { 'jobs:attach': () => Promise.reject(new ContractError('REFUSED', refusal)) },
      <AttachUnknownForm job={unknown} onOpen={() => undefined} />,
    );
    await user.type(screen.getByLabelText('Response id'), 'resp_nope');
    await user.click(screen.getByRole('button', { name: 'Attach response id' }));
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
  });
});
