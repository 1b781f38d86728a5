// Whether Electron can open a window here, and where its binary is. `require('electron')` is not
// used: since Electron 45 it starts a download when the binary is missing, which on a machine
// without GitHub hangs or fails instead of answering "no".
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const require = createRequire(import.meta.url);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type ElectronCheck = { ok: true; binary: string } | { ok: false; reason: string };

/** The binary, or why Mull must be served in a browser instead (one sentence, no full stop). */
export function checkElectron(env: NodeJS.ProcessEnv = process.env): ElectronCheck {
  const binary = electronBinary(env);
  if (binary === undefined) {
    return {
      ok: false,
      reason: "Electron's binary is not installed here (it could not be downloaded)",
    };
  }
  if (mainEntry() === undefined) {
    return { ok: false, reason: "Electron's main process is not built yet (package.json's main)" };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: "There is no display here for Electron's window" };
  }
  return { ok: true, binary };
}

/** What Electron's own index.js would return, minus its download: path.txt names the binary. */
function electronBinary(env: NodeJS.ProcessEnv): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined; // installed without devDependencies
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

/** package.json's `main` (Electron's entry, built by `npm run build:electron`), when it exists. */
function mainEntry(): string | undefined {
  const packageJson = z
    .object({ main: z.string().optional() })
    .parse(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));
  if (packageJson.main === undefined) return undefined;
  const entry = join(repoRoot, packageJson.main);
  return existsSync(entry) ? entry : undefined;
}
