// restart_ms: 200 unfinished jobs in the database (running on the server); from opening the data
// directory to every job reattached (its resume stream open on the server), with no create sent.
import { benchProvider, freshDataDir, openManager } from './bench-support.js';
import type { EmulatorProcess } from './emulator-process.js';

export interface RestartResult {
  jobs: number;
  restart_ms: number;
  creates_on_restart: number;
}

async function untilStreamsOpen(emulator: EmulatorProcess, count: number): Promise<void> {
  // The emulator's log marks a stream request 200 once its headers are sent.
  for (;;) {
    const open = (await emulator.control.requests({ kind: 'stream' })).filter(
      (r) => r.status === 200,
    );
    if (new Set(open.map((r) => r.responseId)).size >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5)); // polling another process's log
  }
}

export async function benchRestart(emulator: EmulatorProcess, jobs = 200): Promise<RestartResult> {
  await emulator.control.addScript({
    match: { promptIncludes: 'restart' },
    times: null,
    script: { answer: 'slow ', answerDeltas: 10_000, timing: { deltaIntervalMs: 200 } },
  });
  const data = freshDataDir();
  try {
    const first = openManager(data.dir, emulator.baseURL);
    const submitted = first.submit(
      Array.from({ length: jobs }, (_, i) => ({
        prompt: `restart ${i}`,
        model: 'gpt-4.1',
        providerId: benchProvider,
      })),
    );
    await new Promise<void>((resolve) => {
      const ready = () => submitted.every((j) => (first.get(j.id)?.cursor ?? -1) >= 4);
      const stop = first.onChange(() => {
        if (ready()) {
          stop();
          resolve();
        }
      });
    });
    await first.close();
    await emulator.control.clearRequests();

    const started = performance.now();
    const second = openManager(data.dir, emulator.baseURL);
    second.resumeAll();
    await untilStreamsOpen(emulator, jobs);
    const restartMs = performance.now() - started;
    const creates = (await emulator.control.requests({ kind: 'create' })).length;
    await Promise.all(submitted.map((job) => second.cancel(job.id)));
    await second.close();
    return { jobs, restart_ms: restartMs, creates_on_restart: creates };
  } finally {
    data.remove();
  }
}
