// The background integrity check: after a clean start the writer's open skips SQLite's quick_check
// (it reads every page: seconds at 100,000 jobs), so this thread runs it on a read-only connection
// of its own while Mull works, and says whether the file is sound (docs/ARCHITECTURE.md, "Threads").
import type { MessagePort } from 'node:worker_threads';
import { assertSoundDatabase } from '../core/store/index.js';
import { sendError } from './thread-errors.js';
import type { CheckStart, CheckToHost } from './thread-protocol.js';

export function runCheckThread(port: MessagePort, start: CheckStart): void {
  let verdict: CheckToHost;
  try {
    assertSoundDatabase(start.dataDir);
    verdict = { type: 'checked' };
  } catch (error) {
    verdict = { type: 'checked', damage: sendError(error) };
  }
  port.postMessage(verdict);
  port.close();
}
