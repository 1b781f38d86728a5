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

/** Outside the engine, jobs are used through electron/core/engine/index.ts only. */
const engineInternals = {
  group: ['**/engine/*', '!**/engine/index.js', '!**/engine/job-reader.js'],
  message:
    "Import the engine's public faces, electron/core/engine/index.js (or job-reader.js, read-only), not its internals.",
};

/** The plain-Node layers' bans: no electron, nothing of the layers above them. */
const coreBans = {
  electron: 'The job engine runs under plain Node: never import electron here.',
  patterns: [
    {
      group: ['electron/*'],
      message: 'The job engine runs under plain Node: never import electron here.',
    },
    {
      group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/e2e/**'],
      message: 'electron/core depends only on shared/.',
    },
  ],
};
const backendBans = {
  electron: 'The backend and the web host run under plain Node: never import electron here.',
  patterns: [
    {
      group: ['**/main/**', '**/preload/**', '**/renderer/**'],
      message: 'The backend depends on electron/core and shared/ only.',
    },
  ],
};

/**
 * One no-restricted-imports setting (a later config replaces an earlier one's options for the
 * same file, so every setting carries all of its bans).
 * @param {{ electron: string, patterns: Array<{ group: string[], message: string }> }} bans
 * @param {Array<{ group: string[], message: string }>} extra
 */
function restrictedImports(bans, extra = []) {
  return [
    'error',
    {
      paths: [{ name: 'electron', message: bans.electron }],
      patterns: [...bans.patterns, ...extra],
    },
  ];
}

/** The layers of docs/ARCHITECTURE.md: renderer -> shared <- electron/core <- electron/main; preload -> shared. */
const layerBans = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'shared/ is pure TypeScript used by both sides: no electron.',
            },
          ],
          patterns: [
            {
              group: nodeBuiltins,
              message: 'shared/ also runs in the browser: no Node built-ins.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/e2e/**'],
              message: 'shared/ depends on nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    // Tests may use the emulator from e2e/; the engine itself may not.
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-imports': restrictedImports(coreBans) },
  },
  {
    // The CLI is part of electron/core, and like the app it uses the engine's public face only.
    files: ['electron/core/cli/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-imports': restrictedImports(coreBans, [engineInternals]) },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: { 'no-restricted-imports': restrictedImports(backendBans) },
  },
  {
    // The same bans for production files, plus the engine's internals (tests may reach in).
    files: ['electron/backend/**/*.ts', 'electron/web-host/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-imports': restrictedImports(backendBans, [engineInternals]) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/renderer/**'],
              message: 'The preload only bridges shared/ to the page.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer knows only the typed API from shared/.' },
          ],
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer runs in a sandboxed page: no Node built-ins.',
            },
            { group: ['**/electron/**', '**/e2e/**'], message: 'The renderer knows only shared/.' },
          ],
        },
      ],
    },
  },
];

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
    files: ['electron/core/**/*.test.ts', 'electron/core/**/test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The job engine runs under plain Node: never import electron here.',
            },
          ],
        },
      ],
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
