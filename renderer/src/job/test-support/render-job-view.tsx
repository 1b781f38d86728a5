// The job view as the app shows it, fed one job's detail by a fake contract (the model list and
// opening links answered too), with no retries so a failing query fails at once.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { JobDetail } from '../../../../shared/ipc/contract.js';
import { ApiProvider } from '../../data/api-context.js';
import { createFakeApi } from '../../test-support/fake-api.js';
import { JobView } from '../JobView.js';

export function renderJobView(detail: JobDetail): void {
  const api = createFakeApi({
    'jobs:get': () => detail,
    'models:list': () => ({ models: [] }),
    'app:openExternal': () => ({ ok: true }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <JobView
          id={detail.job.id}
          onOpen={() => undefined}
          onClose={() => undefined}
          onOpenSettings={() => undefined}
        />
      </QueryClientProvider>
    </ApiProvider>,
  );
}
