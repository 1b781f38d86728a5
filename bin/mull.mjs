#!/usr/bin/env node
// The `mull` command line. It runs the ahead-of-time build in out/cli (`npm run build:cli`; npm
// install and npm test make it) while that build is as new as every source it was made from, and
// otherwise the sources themselves through tsx, which compiles them on the fly (slower to start,
// never stale). MULL_DEBUG=1 says which one ran.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshCliBuild } from '../build/cli-build-fresh.mjs';

const built = freshCliBuild(fileURLToPath(new URL('..', import.meta.url)));
if (process.env.MULL_DEBUG) {
  process.stderr.write(
    built
      ? `mull: running ${built}\n`
      : 'mull: running the sources with tsx (out/cli is missing or older than them)\n',
  );
}
let main;
if (built) {
  ({ main } = await import(pathToFileURL(built).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../node/cli/main.ts'));
}
await main();
