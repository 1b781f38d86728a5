// A backend worker's script (bundled as out/main/backend-thread.cjs for Electron): the writer or
// the reader, as backend-thread.ts started it. Never imported.
import { parentPort, workerData } from 'node:worker_threads';
import { runCheckThread } from './check-thread.js';
import { runReaderThread } from './reader-thread.js';
import type { ThreadStart } from './thread-protocol.js';
import { runWriterThread } from './writer-thread.js';

if (!parentPort) throw new Error('backend-thread-entry.ts runs only as a worker thread.');
const start = workerData as ThreadStart;
if (start.role === 'reader') runReaderThread(parentPort, start);
else if (start.role === 'check') runCheckThread(parentPort, start);
else runWriterThread(parentPort, start);
