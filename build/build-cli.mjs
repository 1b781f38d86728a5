// `npm run build:cli`: compiles the `mull` command line ahead of time with esbuild, so a command
// starts without compiling TypeScript (tsx) first. See README, "The command line".
//
//   out/cli/main.mjs      the entry; each command is a chunk of its own, loaded when it runs, so
//   out/cli/*.mjs         `mull list` never loads what `mull submit` needs
//   out/cli/inputs.json   the source files it was built from: bin/mull.mjs uses the build only
//                         while none of them is newer than it (else it runs the sources with tsx)
//
// Dependencies stay in node_modules (packages: 'external'): Node loads them as it would from the
// sources, native modules included.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const cliOutDir = join(root, 'out', 'cli');

export async function buildCli(outDir = cliOutDir) {
  // Imported here: an install without devDependencies has no esbuild, and says so in one line.
  const { build } = await import('esbuild');
  // Built beside the old build and swapped in, so a `mull` starting meanwhile finds a whole one.
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'node/cli/main.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => relative(root, resolve(root, input)))
    .filter((input) => !input.startsWith('node_modules'));
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);
  const old = `${outDir}.old-${process.pid}`;
  try {
    renameSync(outDir, old);
  } catch {
    // No build before this one.
  }
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  return { outDir, inputs: inputs.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().then(
    ({ outDir, inputs }) =>
      console.log(`mull: built the command line in ${outDir} (${inputs} sources).`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
