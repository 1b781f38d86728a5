// The typed API (Electron preload or the web host's client) handed down through React, so
// components never import a transport and tests can pass a fake one.
import { createContext, useContext, type ReactNode } from 'react';
import type { MullApi } from '../../../shared/ipc/envelope.js';

const ApiContext = createContext<MullApi | null>(null);

export function ApiProvider({ api, children }: { api: MullApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): MullApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider> above it.');
  return api;
}
