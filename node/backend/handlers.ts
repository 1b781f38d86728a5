// Every channel of the contract, implemented on the engine, the keychain and the settings.
import type { Handlers } from '../../shared/ipc/contract.js';
import { modelRegistry, priceFor } from '../../shared/models.js';
import { AttachRefused, type JobManager } from '../core/engine/index.js';
import type { KeySourceWithStatus, KeyStore } from '../core/secrets/index.js';
import { readSettings, updateSettings } from './app-settings.js';
import { exportJob } from './export-job.js';
import { withoutKnownText } from './known-text-reply.js';
import {
  clearKey,
  keyStatus,
  removeProvider,
  saveProvider,
  setKey,
  testConnection,
} from './provider-keys.js';
import { RefusedError } from './refused.js';
import { readHandlers } from './read-handlers.js';

export interface HandlerDeps {
  manager: JobManager;
  keyStore: KeyStore;
  keys: KeySourceWithStatus;
  info: { version: string; mode: 'electron' | 'web' | 'demo'; dataDir: string };
  /** Opens an https link with the OS; absent where the page opens links itself (a browser). */
  openExternal?: (url: string) => Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { manager } = deps;
  return {
    ...readHandlers(manager),
    'jobs:submit': ({ jobs }) => {
      const defaultProviderId = readSettings(manager).defaultProviderId;
      const withProviders = jobs.map((job) => ({
        ...job,
        providerId: job.providerId ?? defaultProviderId,
      }));
      return Promise.resolve({ jobs: manager.submit(withProviders) });
    },
    'jobs:get': ({ id, known }) => {
      const job = manager.mustGet(id);
      const thread = manager.list({
        threadId: job.threadId,
        sort: 'createdAt',
        direction: 'asc',
        limit: 500,
      }).jobs;
      const detail = { job, events: manager.events(id), thread, items: manager.items(id) };
      return Promise.resolve(known ? withoutKnownText(detail, known) : detail);
    },
    'jobs:cancel': ({ id }) => manager.cancel(id),
    'jobs:retry': ({ id }) => Promise.resolve(manager.retry(id)),
    'jobs:useStandardTier': ({ id }) => manager.useStandardTier(id),
    'jobs:followUp': ({ id, ...input }) => Promise.resolve(manager.followUp(id, input)),
    'jobs:attach': async ({ responseId, providerId, title, jobId }) => {
      try {
        return await manager.attach({
          responseId,
          // An unknown job's own provider is where its create went; a new one, the default.
          providerId: providerId ?? (jobId ? undefined : readSettings(manager).defaultProviderId),
          title,
          jobId,
        });
      } catch (error) {
        if (error instanceof AttachRefused) throw new RefusedError(error.message);
        throw error;
      }
    },
    'jobs:delete': ({ id }) => {
      manager.delete(id);
      return Promise.resolve({ ok: true as const });
    },
    'jobs:export': ({ id, format }) =>
      Promise.resolve(
        exportJob(manager.mustGet(id), manager.events(id), manager.items(id), format),
      ),
    'budget:get': () =>
      Promise.resolve({
        ...manager.settings.budgetLimits(),
        spentThisMonthUsd: manager.spentThisMonth(),
      }),
    'models:list': () => {
      const overrides = manager.settings.priceOverrides();
      const models = modelRegistry.map((model) => ({
        ...model,
        price: priceFor(model.id, overrides) ?? model.price,
      }));
      return Promise.resolve({ models });
    },
    'providers:list': () => Promise.resolve(manager.settings.providers()),
    'providers:save': (provider) => saveProvider(deps, provider),
    'providers:remove': async ({ id }) => {
      if (readSettings(manager).defaultProviderId === id) {
        throw new RefusedError('This is the default provider: choose another default first.');
      }
      if (manager.unfinished().some((job) => job.providerId === id)) {
        throw new RefusedError(
          'Jobs that are still running use this provider: wait for them or cancel them first.',
        );
      }
      await removeProvider(deps, id);
      return { ok: true as const };
    },
    'templates:list': () => Promise.resolve(manager.settings.templates()),
    'templates:save': (template) => Promise.resolve(manager.settings.saveTemplate(template)),
    'templates:remove': ({ name }) => {
      manager.settings.removeTemplate(name);
      return Promise.resolve({ ok: true as const });
    },
    'settings:get': () => Promise.resolve(readSettings(manager)),
    'settings:update': (patch) => Promise.resolve(updateSettings(manager, patch)),
    'keys:status': ({ providerId }) => keyStatus(deps, providerId),
    'keys:set': ({ providerId, key, sessionOnly }) => setKey(deps, providerId, key, sessionOnly),
    'keys:clear': ({ providerId }) => clearKey(deps, providerId),
    'keys:test': ({ providerId }) => testConnection(deps, providerId),
    'app:info': () => Promise.resolve({ ...deps.info, driving: manager.isDriving }),
    'app:openExternal': async ({ url }) => {
      if (!deps.openExternal) throw new RefusedError('Links open in this browser directly.');
      await deps.openExternal(url);
      return { ok: true as const };
    },
  };
}
