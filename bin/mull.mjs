#!/usr/bin/env node
// The `mull` command line, run from the sources: tsx compiles the TypeScript on the fly, so
// `npx mull ...` works in the repository without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/main.ts');
await main();
