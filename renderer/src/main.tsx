// The renderer's entry: React Query around the app, over whichever transport `api` is.
import './zod-without-eval.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/index.js';
import { App } from './app/App.js';
import { ApiProvider } from './data/api-context.js';
import { createQueryClient } from './data/query-client.js';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
