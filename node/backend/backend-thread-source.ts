// The backend's worker script when Mull runs from source (`npm run serve`, `npm start`'s browser
// fallback, the tests, the benchmarks): backend-thread-entry.ts compiled once per process with
// esbuild (about 0.1 s; dependencies stay in node_modules), so each worker loads plain JavaScript.
// Loading the TypeScript through tsx in every worker cost about 1 s of compiling per thread, three
// threads per start. The file is named by its content, written whole and then renamed, so
// processes running at once share one. Electron's build bundles the entry next to the main
// process instead (build/build-electron.mjs) and passes that path.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { ThreadEntry } from './backend-thread.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let built: ThreadEntry | undefined;

export function backendThreadSource(): ThreadEntry {
  if (built) return built;
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ['node/backend/backend-thread-entry.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild made no backend thread script.');
  const name = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(root, 'out', 'backend-thread');
  const file = join(dir, `entry-${name}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const writing = `${file}.${process.pid}.tmp`;
    writeFileSync(writing, code);
    renameSync(writing, file);
  }
  built = { script: pathToFileURL(file) };
  return built;
}
