// The channels that only read and can be slow on a large database: the board's pages, search and
// Spend. The writer's backend answers them like every channel; the reader thread answers them on
// a read-only connection of its own, so a search over 100,000 answers never holds up streaming
// (backend-thread.ts routes them; docs/ARCHITECTURE.md, "Threads").
import type { Handlers } from '../../shared/ipc/contract.js';
import type { JobManager } from '../core/engine/index.js';
import { spendSummary } from './spend.js';

export const readChannels = ['jobs:list', 'jobs:search', 'jobs:spend'] as const;
export type ReadChannel = (typeof readChannels)[number];

export function readHandlers(manager: JobManager): Pick<Handlers, ReadChannel> {
  return {
    'jobs:list': (query) => Promise.resolve(manager.list(query)),
    'jobs:search': ({ words, limit }) => Promise.resolve(manager.search(words, limit)),
    'jobs:spend': () => Promise.resolve(spendSummary(manager.spendTotals())),
  };
}
