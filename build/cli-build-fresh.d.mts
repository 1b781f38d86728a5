// Types for cli-build-fresh.mjs (plain JavaScript: bin/mull.mjs loads it before anything is compiled).
export function freshCliBuild(root: string): string | undefined;
