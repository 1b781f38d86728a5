// `npm run dist`, step two: stages the app electron-builder packages in out/app/ (its
// `directories.app`): the built out/main, out/preload and out/renderer, a package.json whose only
// dependencies are the native modules (everything else is bundled into out/main/index.cjs), and
// those modules copied from node_modules with what they need at run time.
//
// Why a separate folder: electron-builder rebuilds native modules for Electron in the app folder's
// node_modules (npmRebuild). In the project folder that would put an Electron build of
// better-sqlite3 into the node_modules the tests load under Node. Here it rebuilds the copies.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The modules the main bundle leaves external (see build-electron.mjs), minus electron. */
export const nativeModules = ['better-sqlite3', '@napi-rs/keyring'];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The packages `names` need at run time, as installed (hoisted) in node_modules, with versions. */
export function runtimeClosure(nodeModules, names) {
  const found = new Map();
  const visit = (name) => {
    if (found.has(name)) return;
    const manifest = join(nodeModules, name, 'package.json');
    if (!existsSync(manifest)) return; // an optional dependency for another platform
    const pkg = readJson(manifest);
    found.set(name, pkg.version);
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      visit(dependency);
    }
  };
  for (const name of names) {
    if (!existsSync(join(nodeModules, name, 'package.json'))) {
      throw new Error(`${name} is not installed: run npm install first.`);
    }
    visit(name);
  }
  return found;
}

export function stageApp(outDir = join(root, 'out')) {
  const app = join(outDir, 'app');
  for (const part of ['main', 'preload', 'renderer']) {
    if (!existsSync(join(outDir, part))) {
      throw new Error(`out/${part} is missing: run npm run build first.`);
    }
  }
  rmSync(app, { recursive: true, force: true });
  for (const part of ['main', 'preload', 'renderer']) {
    cpSync(join(outDir, part), join(app, 'out', part), { recursive: true });
  }

  const project = readJson(join(root, 'package.json'));
  const dependencies = Object.fromEntries(
    nativeModules.map((name) => [name, project.dependencies[name]]),
  );
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: project.name,
        productName: 'Mull',
        version: project.version,
        description: project.description,
        author: 'Mull contributors',
        license: project.license,
        main: project.main,
        dependencies,
      },
      null,
      2,
    )}\n`,
  );

  const nodeModules = join(root, 'node_modules');
  for (const name of runtimeClosure(nodeModules, nativeModules).keys()) {
    mkdirSync(join(app, 'node_modules', name, '..'), { recursive: true });
    cpSync(join(nodeModules, name), join(app, 'node_modules', name), {
      recursive: true,
      // Not the Node build: electron-builder builds these for Electron.
      filter: (source) => !source.startsWith(join(nodeModules, 'better-sqlite3', 'build')),
    });
  }
  console.log(`mull: staged the app for packaging in ${app}.`);
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) stageApp();
