// @vitest-environment jsdom
// Settings as the person changes them: the change is in every snapshot at once (a composer opened
// the next moment starts from it), the stored answer then wins, and a refusal puts back what is
// stored.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAppSettings, type AppSettings } from '../../../shared/ipc/contract.js';
import { ContractError } from '../../../shared/ipc/envelope.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { ApiProvider } from './api-context.js';
import { useSettings, useUpdateSettings } from './use-app-data.js';

afterEach(cleanup);

function settingsWithHeldSaves() {
  const saves: Array<{ resolve: (stored: AppSettings) => void; reject: (error: Error) => void }> =
    [];
  const api = createFakeApi({
    'settings:get': () => defaultAppSettings,
    'settings:update': () =>
      new Promise<AppSettings>((resolve, reject) => saves.push({ resolve, reject })),
    'models:list': () => ({ models: [] }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  const hook = renderHook(() => ({ settings: useSettings(), update: useUpdateSettings() }), {
    wrapper,
  });
  return { hook, saves };
}

describe('changing a setting', () => {
  it('is seen before the save answers, then the stored settings are', async () => {
    const { hook, saves } = settingsWithHeldSaves();
    await waitFor(() => expect(hook.result.current.settings.data).toBeDefined());
    act(() => hook.result.current.update.mutate({ defaultInstructions: 'Be brief.' }));
    await waitFor(() =>
      expect(hook.result.current.settings.data?.defaultInstructions).toBe('Be brief.'),
    );
    expect(saves).toHaveLength(1);
    act(() => saves[0]?.resolve({ ...defaultAppSettings, defaultInstructions: 'Be brief!' }));
    await waitFor(() =>
      expect(hook.result.current.settings.data?.defaultInstructions).toBe('Be brief!'),
    );
  });

  it('goes back to what is stored when the save is refused', async () => {
    const { hook, saves } = settingsWithHeldSaves();
    await waitFor(() => expect(hook.result.current.settings.data).toBeDefined());
    act(() => hook.result.current.update.mutate({ defaultInstructions: 'Be brief.' }));
    await waitFor(() => expect(saves).toHaveLength(1));
    act(() => saves[0]?.reject(new ContractError('BAD_REQUEST', 'Instructions are too long.')));
    await waitFor(() => expect(hook.result.current.update.isError).toBe(true));
    expect(hook.result.current.settings.data?.defaultInstructions).toBe(
      defaultAppSettings.defaultInstructions,
    );
  });
});
