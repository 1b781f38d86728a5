// @vitest-environment jsdom
// A follow-up goes on with the job's model and effort, or with others the person picks.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowUp } from '../../../shared/ipc/contract.js';
import { findModel, modelRegistry } from '../../../shared/models.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { fullJob } from '../test-support/job-summaries.js';
import { FollowUpForm, followUpEffort } from './FollowUpForm.js';

afterEach(cleanup);

const job = fullJob(
  { id: 'a', status: 'completed', model: 'gpt-5', effort: 'medium', responseId: 'resp_a' },
  { answer: 'Yes.' },
);

function renderForm() {
  const sent: FollowUp[] = [];
  const api = createFakeApi({
    'models:list': () => ({ models: [...modelRegistry] }),
    'jobs:followUp': (request) => {
      sent.push(request);
      return fullJob({ id: 'b', parentId: 'a', threadId: 'a' });
    },
  });
  const onOpen = vi.fn();
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={new QueryClient()}>
        <FollowUpForm job={job} onOpen={onOpen} />
      </QueryClientProvider>
    </ApiProvider>,
  );
  return { sent, onOpen };
}

describe('a follow-up', () => {
  it('keeps the job’s model and effort unless changed', async () => {
    const user = userEvent.setup();
    const { sent, onOpen } = renderForm();
    await screen.findByRole('option', { name: findModel('gpt-5')?.label ?? 'gpt-5' });
    expect(screen.getByLabelText<HTMLSelectElement>('Reasoning effort').value).toBe('medium');
    await user.type(screen.getByLabelText('Ask a follow-up question'), 'And why?');
    await user.click(screen.getByRole('button', { name: /Send follow-up/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('b'));
    expect(sent).toEqual([{ id: 'a', prompt: 'And why?' }]);
  });

  it('may ask another model, with another effort', async () => {
    const user = userEvent.setup();
    const { sent } = renderForm();
    await screen.findByRole('option', { name: findModel('gpt-5-pro')?.label ?? 'gpt-5-pro' });
    await user.selectOptions(screen.getByLabelText('Model'), 'gpt-5-pro');
    const efforts = findModel('gpt-5-pro')?.efforts ?? [];
    const other = efforts.find((effort) => effort !== 'medium') ?? 'high';
    await user.selectOptions(screen.getByLabelText('Reasoning effort'), other);
    await user.type(screen.getByLabelText('Ask a follow-up question'), 'Check it');
    await user.click(screen.getByRole('button', { name: /Send follow-up/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: 'a', prompt: 'Check it', model: 'gpt-5-pro', effort: other });
  });

  it('falls back to an effort the new model takes', () => {
    const model = findModel('gpt-5-pro');
    expect(model).toBeDefined();
    const effort = followUpEffort(model, null, 'minimal');
    expect(effort === null || model?.efforts.includes(effort)).toBe(true);
  });
});
