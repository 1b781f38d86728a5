// The reader thread: read-handlers.ts's channels (the board's pages, search, Spend) on a read-only
// connection of its own, beside the writer thread (docs/ARCHITECTURE.md, "Threads"). SQLite's
// write-ahead log lets it read while the writer writes; it sees every committed change, and the
// writer tells of a change only once it is committed, so a page refetched on an event is current.
import type { MessagePort } from 'node:worker_threads';
import { JobManager } from '../core/engine/index.js';
import { dispatchRequest } from './dispatch.js';
import { readHandlers } from './read-handlers.js';
import { sendError } from './thread-errors.js';
import type { HostToReader, ReaderStart, ReaderToHost } from './thread-protocol.js';
import { answerWith, threadLog } from './writer-thread.js';

export function runReaderThread(port: MessagePort, start: ReaderStart): void {
  const post = (message: ReaderToHost) => port.postMessage(message);
  const log = threadLog(post);
  let manager: JobManager;
  try {
    // Never sends anything: no key is ever asked for.
    manager = JobManager.open({
      dataDir: start.dataDir,
      drive: false,
      readOnly: true,
      keys: { get: () => Promise.resolve(undefined) },
    });
  } catch (error) {
    post({ type: 'start-failed', error: sendError(error) });
    port.close();
    return;
  }
  const handlers = readHandlers(manager);
  post({ type: 'ready', driving: false, checkedAtOpen: false });
  const answer = answerWith(post, log);
  port.on('message', (message: HostToReader) => {
    if (message.type === 'request') {
      answer(message.id, dispatchRequest(handlers, message.channel, message.payload, log));
      return;
    }
    void manager.close().then(() => {
      post({ type: 'closed', id: message.id });
      port.close();
    });
  });
}
