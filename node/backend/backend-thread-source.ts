// Where the backend's worker script is when Mull runs from source (`npm run serve`, the tests, the
// benchmarks): the TypeScript entry, loaded through tsx's loader, registered inside the worker
// (Node 20 does not carry a parent's `--import tsx` into a worker's loader). Electron's build
// bundles the entry next to the main process instead (build/build-electron.mjs) and passes it.
import type { ThreadEntry } from './backend-thread.js';

const tsx = import.meta.resolve('tsx/esm/api');
const entry = new URL('./backend-thread-entry.ts', import.meta.url).href;

export const backendThreadSource: ThreadEntry = {
  script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`,
  eval: true,
};
