// Whether the ahead-of-time build of the command line (build/build-cli.mjs) may run: it exists and
// no source it was made from has changed since. bin/mull.mjs asks before every command; it costs
// a stat of each source (about a hundred, a millisecond or two).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The built entry under `root`, or undefined when it is missing or older than a source. */
export function freshCliBuild(root) {
  const entry = join(root, 'out', 'cli', 'main.mjs');
  try {
    const builtAt = statSync(entry).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
    const fresh = inputs.every((input) => statSync(join(root, input)).mtimeMs <= builtAt);
    return fresh ? entry : undefined;
  } catch {
    return undefined; // no build, or a source it was made from is gone
  }
}
