import { startEmulatorProcess } from './emulator-process.js';
import {
  benchProvider,
  freshDataDir,
  openManager,
  settledStatuses,
  waitForAll,
} from './bench-support.js';
const emulator = await startEmulatorProcess();
await emulator.control.addScript({
  match: { promptIncludes: 'loop' },
  times: null,
  script: { answer: 'token ', answerDeltas: 500, timing: { deltaIntervalMs: 10 } },
});
const data = freshDataDir();
const manager = openManager(data.dir, emulator.baseURL);
const t0 = performance.now();
let last = performance.now();
const lags: string[] = [];
const timer = setInterval(() => {
  const now = performance.now();
  const lag = now - last - 5;
  if (lag > 20) lags.push(`${(now - t0).toFixed(0)}ms lag ${lag.toFixed(0)}`);
  last = now;
}, 5);
const submitted = manager.submit(
  Array.from({ length: 100 }, (_, i) => ({
    prompt: `loop ${i}`,
    model: 'gpt-4.1',
    providerId: benchProvider,
  })),
);
await waitForAll(
  manager,
  submitted.map((j) => j.id),
  (j) => settledStatuses.has(j.status),
);
clearInterval(timer);
console.log(lags.join('\n'));
await manager.close();
data.remove();
emulator.stop();
