// @vitest-environment jsdom
// The key form and a provider's key status: with no keychain the field keeps the key, the reason is
// one sentence and the key can be kept for this session only (and is shown as such); a connection
// test and the status beside it never contradict each other.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../../shared/ipc/contract.js';
import { ContractError } from '../../../shared/ipc/envelope.js';
import type { ProviderConfig } from '../../../shared/provider.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi, type FakeHandlers } from '../test-support/fake-api.js';
import { ProviderCard } from './ProviderCard.js';

afterEach(cleanup);

const provider: ProviderConfig = {
  id: 'openai',
  label: 'OpenAI',
  kind: 'openai',
  authStyle: 'bearer',
  baseUrl: 'https://api.openai.com/v1',
};
const sentence =
  'No keychain is available: install and unlock gnome-keyring (or another Secret Service), or keep the key for this session only.';
const key = 'sk-test-settings-form-wxyz';

function renderCard(handlers: FakeHandlers) {
  const api = createFakeApi(handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <ul>
          <ProviderCard provider={provider} isDefault />
        </ul>
      </QueryClientProvider>
    </ApiProvider>,
  );
  return api;
}

describe('the key form with no keychain', () => {
  it('keeps the field, says what is missing, and keeps the key for this session on request', async () => {
    let status: KeyStatus = { set: false };
    const api = renderCard({
      'keys:status': () => status,
      'keys:set': ({ sessionOnly }) => {
        if (!sessionOnly) throw new ContractError('KEYCHAIN_UNAVAILABLE', sentence);
        status = { set: true, last4: 'wxyz', source: 'session' };
        return status;
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByText('No API key set.')).toBeTruthy();
    const field = screen.getByLabelText('OpenAI API key');
    await user.type(field, key);
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(sentence);
    expect(alert.textContent).not.toMatch(/D-?Bus/iu);
    expect((field as HTMLInputElement).value).toBe(key); // never cleared on failure

    await user.click(screen.getByRole('button', { name: 'Keep for this session only' }));
    expect(
      await screen.findByText(
        'Key set, ending in wxyz (for this session only: kept in memory until Mull closes).',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Key kept for this session only/u)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Replace the OpenAI API key').value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    const sets = api.calls.filter((call) => call.channel === 'keys:set');
    expect(sets.map((call) => (call.request as { sessionOnly?: boolean }).sessionOnly)).toEqual([
      undefined,
      true,
    ]);
    // A key kept for the session can be cleared like one in the keychain.
    expect(screen.getByRole('button', { name: 'Clear key' })).toBeTruthy();
  });

  it('shows another failure as before, and still keeps the field', async () => {
    renderCard({
      'keys:status': () => ({ set: false }),
      'keys:set': () => {
        throw new ContractError('REFUSED', 'The API key contains spaces or line breaks.');
      },
    });
    const user = userEvent.setup();
    const field = await screen.findByLabelText('OpenAI API key');
    await user.type(field, 'sk-one sk-two');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The key was not saved. The API key contains spaces or line breaks.',
    );
    expect((field as HTMLInputElement).value).toBe('sk-one sk-two');
    expect(screen.queryByRole('button', { name: 'Keep for this session only' })).toBeNull();
  });
});

describe('the key status and the connection test', () => {
  it('agree: a test that finds no key updates the status; a new key clears the old result', async () => {
    let status: KeyStatus = { set: true, last4: 'wxyz', source: 'keychain' };
    renderCard({
      'keys:status': () => status,
      'keys:test': () => {
        status = { set: false };
        return {
          ok: false,
          message: 'No API key is set for OpenAI: enter one above, then test again.',
          keyStatus: status,
        };
      },
      'keys:set': () => {
        status = { set: true, last4: 'abcd', source: 'keychain' };
        return status;
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByText(/^Key set, ending in wxyz/u)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/^Not connected: No API key is set/u)).toBeTruthy();
    expect(screen.getByText('No API key set.')).toBeTruthy();
    expect(screen.queryByText(/^Key set/u)).toBeNull();

    await user.type(screen.getByLabelText('OpenAI API key'), key);
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText(/^Key set, ending in abcd/u)).toBeTruthy();
    expect(screen.queryByText(/^Not connected/u)).toBeNull();
  });
});
