// The renderer's entry: React Query around the app, over whichever transport `api` is.
import './zod-without-eval.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/index.js';
import { noSessionSentence, pageSessionToken, takeTokensOpenedLater } from './api/web-transport.js';
import { App } from './app/App.js';
import { ApiProvider } from './data/api-context.js';
import { createQueryClient } from './data/query-client.js';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// In a browser, a tab opened without the printed address has no token: every request would be
// refused, so it says how to get in instead of showing a board of errors. (Electron has no token.)
const withoutSession = window.mull === undefined && pageSessionToken() === undefined;
if (window.mull === undefined) takeTokensOpenedLater();

createRoot(root).render(
  <StrictMode>
    {withoutSession ? (
      <main className="pane__empty">
        <p role="alert">{noSessionSentence}</p>
      </main>
    ) : (
      <ApiProvider api={api}>
        <QueryClientProvider client={createQueryClient()}>
          <App />
        </QueryClientProvider>
      </ApiProvider>
    )}
  </StrictMode>,
);
