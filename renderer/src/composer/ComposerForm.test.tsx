// @vitest-environment jsdom
// The composer keeps its unsent prompt across a close (Escape) and a reload, says so, and a submit
// clears it; Submit sits in a sticky footer.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultAppSettings, type AppSettings } from '../../../shared/ipc/contract.js';
import { modelRegistry } from '../../../shared/models.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi, type FakeApi } from '../test-support/fake-api.js';
import { fullJob } from '../test-support/job-summaries.js';
import { ComposerForm } from './ComposerForm.js';
import { draftStorageKey, readDraft } from './draft.js';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const settings: AppSettings = {
  ...defaultAppSettings,
  defaultModel: 'gpt-5',
  notifications: false,
};

function renderComposer(api: FakeApi = createFakeApi(), onSubmitted = vi.fn()) {
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={new QueryClient()}>
        <ComposerForm
          settings={settings}
          models={modelRegistry}
          providers={[]}
          onSubmitted={onSubmitted}
          onClose={() => undefined}
        />
      </QueryClientProvider>
    </ApiProvider>,
  );
  return { onSubmitted };
}

const promptField = () => screen.getByLabelText<HTMLTextAreaElement>('Prompt');

describe('the composer’s draft', () => {
  it('is kept when the composer closes and comes back with it, saying so', async () => {
    const user = userEvent.setup();
    renderComposer();
    expect(screen.queryByText('Draft kept')).toBeNull();
    await user.type(promptField(), 'Half a thought');
    expect(screen.getByText('Draft kept')).toBeTruthy();
    await user.click(screen.getByLabelText(/Several prompts/));
    cleanup(); // Escape closes the composer: it unmounts

    renderComposer(); // opened again, or after a reload: localStorage is all that is left
    expect(promptField().value).toBe('Half a thought');
    expect(screen.getByLabelText<HTMLInputElement>(/Several prompts/).checked).toBe(true);
    expect(screen.getByText('Draft kept')).toBeTruthy();
  });

  it('is cleared by a submit', async () => {
    const user = userEvent.setup();
    const api = createFakeApi({
      'jobs:submit': ({ jobs }) => ({
        jobs: jobs.map((job, index) => fullJob({ id: `j${index}` }, { prompt: job.prompt })),
      }),
    });
    const { onSubmitted } = renderComposer(api);
    await user.type(promptField(), 'Send me');
    expect(readDraft()?.prompt).toBe('Send me');
    await user.click(screen.getByRole('button', { name: /Submit/ }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(['j0']));
    expect(localStorage.getItem(draftStorageKey)).toBeNull();
    expect(promptField().value).toBe('');
    expect(screen.queryByText('Draft kept')).toBeNull();
  });

  it('ignores a stored value that is not a draft', () => {
    localStorage.setItem(draftStorageKey, '{not json');
    renderComposer();
    expect(promptField().value).toBe('');
  });

  it('puts Submit in the sticky footer', () => {
    renderComposer();
    const submit = screen.getByRole('button', { name: /Submit/ });
    expect(submit.closest('.composer__footer')).not.toBeNull();
  });
});
