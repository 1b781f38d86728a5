// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** Outside the engine, jobs are used through node/core/engine/index.ts only. */
const engineInternals = {
  group: ['**/engine/*', '!**/engine/index.js', '!**/engine/job-reader.js'],
  message:
    "Import the engine's public faces, node/core/engine/index.js (or job-reader.js, read-only), not its internals.",
};

/**
 * The layers of docs/ARCHITECTURE.md ("Layers"): where each lives, which layers it may import,
 * and whether it may use Node's built-ins and the `electron` module. Imports are matched by the
 * folder names they pass through (each layer's folder name is unique in the repository), so
 * `../backend/x.js` from node/web-host and `../../node/backend/x.js` from electron/main are both
 * the backend. e2e/ and bench/ may import anything, and nothing imports them.
 */
const layers = {
  shared: { files: ['shared/**'], folder: 'shared', may: [], node: false, electron: false },
  renderer: {
    files: ['renderer/**'],
    folder: 'renderer',
    may: ['shared'],
    node: false,
    electron: false,
  },
  preload: {
    files: ['electron/preload/**'],
    folder: 'preload',
    may: ['shared'],
    node: false,
    electron: true,
  },
  core: { files: ['node/core/**'], folder: 'core', may: ['shared'], node: true, electron: false },
  cli: {
    files: ['node/cli/**'],
    folder: 'cli',
    may: ['core', 'shared'],
    node: true,
    electron: false,
  },
  backend: {
    files: ['node/backend/**'],
    folder: 'backend',
    may: ['core', 'shared'],
    node: true,
    electron: false,
  },
  webHost: {
    files: ['node/web-host/**'],
    folder: 'web-host',
    may: ['backend', 'core', 'shared'],
    node: true,
    electron: false,
  },
  launcher: {
    files: ['node/launcher/**'],
    folder: 'launcher',
    may: ['web-host', 'core', 'shared'],
    node: true,
    electron: false,
  },
  // The emulator is a claim about OpenAI's API: it knows nothing of Mull.
  emulator: {
    files: ['node/emulator/**'],
    folder: 'emulator',
    may: [],
    node: true,
    electron: false,
  },
  demo: {
    files: ['node/demo/**'],
    folder: 'demo',
    may: ['launcher', 'web-host', 'backend', 'emulator', 'core', 'shared'],
    node: true,
    electron: false,
  },
  main: {
    files: ['electron/main/**'],
    folder: 'main',
    may: ['backend', 'launcher', 'core', 'shared'],
    node: true,
    electron: true,
  },
};
const everyFolder = [...Object.values(layers).map((layer) => layer.folder), 'e2e', 'bench'];

/** The layers whose public faces only may be used (the engine's internals are private). */
const useEngineFaces = new Set(['cli', 'backend', 'webHost', 'launcher', 'demo', 'main']);

/** External libraries with one home each (docs/ARCHITECTURE.md, "Layers"). */
const libraryHomes = [
  { name: 'better-sqlite3', home: 'node/core/store/**' },
  { name: 'openai', home: 'node/core/provider/**' },
  { name: '@napi-rs/keyring', home: 'node/core/secrets/**' },
];

/**
 * Tests may also use the emulator (they run Mull against it over real sockets) and any layer's
 * test-support (shared fixtures such as sample jobs); nothing else they may not use in production.
 */
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'];
/**
 * What every test may import besides its own layer's allowances: the emulator, the demo's wiring
 * of it into a data directory (node/demo/emulator-provider.ts), and the preload (main's tests run
 * the real bridge against the real handlers).
 */
const testsMayAlso = ['emulator', 'demo', 'preload'];

/**
 * One layer's no-restricted-imports setting (a later config replaces an earlier one's options for
 * the same file, so each carries all of its bans). `tests`: for its tests, which may also use the
 * emulator and test-support; `library`: the external library this file is the home of.
 * @param {keyof typeof layers} name
 * @param {{ tests?: boolean, library?: string }} [options]
 */
function layerImports(name, { tests = false, library } = {}) {
  const layer = layers[name];
  const where = layer.files[0].replace('/**', '/');
  const allowed = new Set([layer.folder, ...layer.may, ...(tests ? testsMayAlso : [])]);
  /** @type {Array<{ group?: string[], regex?: string, message: string }>} */
  const patterns = everyFolder
    .filter((folder) => !allowed.has(folder))
    .map((folder) => ({
      // A regex, not a glob: a glob cannot let a banned folder's test-support through.
      regex: tests
        ? `^\\.{1,2}/(.*/)?${folder}/(?!(.*/)?test-support/)`
        : `^\\.{1,2}/(.*/)?${folder}/`,
      message: `${where} may import ${layer.may.length > 0 ? layer.may.join(', ') + ' and ' : ''}itself only, not ${folder} (docs/ARCHITECTURE.md, "Layers").`,
    }));
  // Tests run under Node (Vitest), whatever the layer.
  if (!layer.node && !tests) {
    patterns.push({
      group: nodeBuiltins,
      message: `${where} also runs in a page: no Node built-ins.`,
    });
  }
  if (!tests && useEngineFaces.has(name)) patterns.push(engineInternals);
  /** @type {Array<{ name: string, message: string }>} */
  const paths = layer.electron
    ? []
    : [
        {
          name: 'electron',
          message: `${where} runs without Electron: never import electron here.`,
        },
      ];
  for (const home of tests ? [] : libraryHomes.filter((l) => l.name !== library)) {
    const message = `${home.name} is used in ${home.home} only (docs/ARCHITECTURE.md, "Layers").`;
    paths.push({ name: home.name, message });
    patterns.push({ group: [`${home.name}/*`], message });
  }
  return ['error', { paths, patterns }];
}

const layerBans = Object.entries(layers).flatMap(([key, layer]) => {
  const name = /** @type {keyof typeof layers} */ (key);
  const dir = layer.files[0].replace('/**', '');
  return [
    {
      files: layer.files,
      ignores: testFiles,
      rules: { 'no-restricted-imports': layerImports(name) },
    },
    ...libraryHomes
      .filter((library) => library.home.startsWith(`${dir}/`))
      .map((library) => ({
        files: [library.home],
        ignores: testFiles,
        rules: { 'no-restricted-imports': layerImports(name, { library: library.name }) },
      })),
    {
      files: testFiles.map((glob) => `${dir}/${glob}`),
      rules: { 'no-restricted-imports': layerImports(name, { tests: true }) },
    },
  ];
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'release/',
      'coverage/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A dropped promise in the engine is a lost job.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      'no-console': 'off',
    },
  },
  ...layerBans,
  {
    // Raw IPC in exactly two places: the main process's contract handlers and the preload's bridge.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/contract-ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='electron'] > ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
          message:
            'Raw IPC lives in electron/main/contract-ipc.ts and electron/preload/index.ts only: use the contract.',
        },
        {
          selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]',
          message:
            'Raw IPC lives in electron/main/contract-ipc.ts and electron/preload/index.ts only: use the contract.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // Warns about libraries the React Compiler cannot memoize (TanStack Virtual); Mull does not
      // use the compiler, so the warning says nothing about this code.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
