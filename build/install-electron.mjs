// Fetches Electron's binary after `npm install`.
// package.json's "allowScripts" stops npm from running Electron's own install script, because on
// machines without access to GitHub that script fails and would fail the whole install. Here we run
// it ourselves and turn a failure into one clear line: everything but opening the Electron window
// (the core, the CLI, the web host, the tests) works without the binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined; // production install without devDependencies
  }
}

const dir = electronDir();
if (dir === undefined || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.exit(0);
}
if (existsSync(join(dir, 'path.txt'))) {
  process.exit(0); // already installed
}
const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
  cwd: dir,
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
if (result.status === 0 && existsSync(join(dir, 'path.txt'))) {
  console.log('mull: Electron binary installed.');
} else {
  const reason =
    (result.stderr || result.error?.message || 'unknown error')
      .trim()
      .split('\n')
      .find((l) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN/i.test(l)) ?? 'download failed';
  console.log(
    `mull: Electron's binary could not be downloaded (${reason.slice(0, 160)}); skipping it. \`npm start\` will serve Mull in the browser instead; everything else works.`,
  );
}
