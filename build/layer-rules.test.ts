// The layer rules of docs/ARCHITECTURE.md ("Layers"), as lint fixtures: for each layer, imports it
// may not make are lint errors and the ones it needs are not. Run through ESLint with the
// repository's own config, so a rule dropped or loosened in eslint.config.js fails here.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Only the layer rules: the type-aware rules need a real program, which a fixture has not.
const eslint = new ESLint({
  cwd: repoRoot,
  ruleFilter: ({ ruleId }) =>
    ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

/** The layer-rule messages ESLint gives a file at `file` holding `code`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).map(
    (message) => `${message.ruleId ?? 'fatal'}: ${message.message}`,
  );
}

type Case = [file: string, specifier: string];

/** Each layer's forbidden and needed imports, as the architecture says. */
const layers: Record<string, { banned: Case[]; allowed: Case[] }> = {
  'shared: pure TypeScript, runs in the page too': {
    banned: [
      ['shared/x.ts', 'electron'],
      ['shared/x.ts', 'node:fs'],
      ['shared/x.ts', 'path'],
      ['shared/x.ts', '../node/core/engine/index.js'],
      ['shared/ipc/x.ts', '../../renderer/src/app/App.js'],
      ['shared/x.ts', '../e2e/fixtures/app.js'],
    ],
    allowed: [
      ['shared/x.ts', './job.js'],
      ['shared/x.ts', 'zod'],
    ],
  },
  'renderer: the typed contract only': {
    banned: [
      ['renderer/src/app/x.ts', 'electron'],
      ['renderer/src/app/x.ts', 'node:path'],
      ['renderer/src/app/x.tsx', '../../../node/backend/backend.js'],
      ['renderer/src/app/x.tsx', '../../../electron/main/index.js'],
      ['renderer/src/app/x.ts', '../../../e2e/support/board-ui.js'],
    ],
    allowed: [
      ['renderer/src/app/x.tsx', '../../../shared/ipc/contract.js'],
      ['renderer/src/app/x.tsx', 'react'],
    ],
  },
  'preload: electron and shared, no Node built-ins': {
    banned: [
      ['electron/preload/x.ts', 'node:fs'],
      ['electron/preload/x.ts', 'events'],
      ['electron/preload/x.ts', '../../node/core/engine/index.js'],
      ['electron/preload/x.ts', '../main/index.js'],
      ['electron/preload/x.ts', '../../renderer/src/main.js'],
    ],
    allowed: [
      ['electron/preload/x.ts', 'electron'],
      ['electron/preload/x.ts', '../../shared/ipc/contract.js'],
    ],
  },
  'core: the engine, shared and Node only': {
    banned: [
      ['node/core/engine/x.ts', 'electron'],
      ['node/core/engine/x.ts', '../../backend/backend.js'],
      ['node/core/engine/x.ts', '../../web-host/web-host.js'],
      ['node/core/engine/x.ts', '../../launcher/launch.js'],
      ['node/core/engine/x.ts', '../../cli/main.js'],
      ['node/core/engine/x.ts', '../../emulator/index.js'],
      ['node/core/engine/x.ts', '../../demo/start-demo.js'],
      ['node/core/engine/x.ts', '../../../electron/main/index.js'],
      ['node/core/engine/x.ts', '../../../e2e/fixtures/app.js'],
      ['node/core/engine/x.ts', 'better-sqlite3'],
      ['node/core/engine/x.ts', 'openai'],
      ['node/core/engine/x.ts', '@napi-rs/keyring'],
    ],
    allowed: [
      ['node/core/engine/x.ts', 'node:fs'],
      ['node/core/engine/x.ts', '../store/index.js'],
      ['node/core/engine/x.ts', '../../../shared/job.js'],
      ['node/core/store/x.ts', 'better-sqlite3'],
      ['node/core/provider/x.ts', 'openai'],
      ['node/core/secrets/x.ts', '@napi-rs/keyring'],
    ],
  },
  "core's tests: the emulator too, nothing else more": {
    banned: [
      ['node/core/engine/x.test.ts', 'electron'],
      ['node/core/engine/x.test.ts', '../../backend/backend.js'],
      ['node/core/engine/test-support/x.ts', '../../../web-host/web-host.js'],
    ],
    allowed: [
      ['node/core/engine/x.test.ts', '../../emulator/index.js'],
      ['node/core/engine/test-support/x.ts', '../../../emulator/test-support/sdk.js'],
      ['node/core/engine/x.test.ts', '../../../renderer/src/test-support/job-summaries.js'],
    ],
  },
  "cli: the engine's public faces": {
    banned: [
      ['node/cli/x.ts', '../core/engine/job-manager.js'],
      ['node/cli/commands/x.ts', '../../core/engine/job-writer.js'],
      ['node/cli/x.ts', '../backend/backend.js'],
      ['node/cli/x.ts', '../web-host/web-host.js'],
      ['node/cli/x.ts', 'electron'],
    ],
    allowed: [
      ['node/cli/x.ts', '../core/engine/index.js'],
      ['node/cli/x.ts', '../core/engine/job-reader.js'],
      ['node/cli/x.ts', '../core/secrets/index.js'],
    ],
  },
  'backend: the contract on the engine': {
    banned: [
      ['node/backend/x.ts', 'electron'],
      ['node/backend/x.ts', '../web-host/web-host.js'],
      ['node/backend/x.ts', '../launcher/launch.js'],
      ['node/backend/x.ts', '../core/engine/job-writer.js'],
      ['node/backend/x.ts', '../../electron/main/index.js'],
      ['node/backend/x.ts', '../emulator/index.js'],
    ],
    allowed: [
      ['node/backend/x.ts', '../core/engine/index.js'],
      ['node/backend/x.ts', '../../shared/ipc/contract.js'],
    ],
  },
  'web host: the backend over HTTP': {
    banned: [
      ['node/web-host/x.ts', 'electron'],
      ['node/web-host/x.ts', '../launcher/launch.js'],
      ['node/web-host/x.ts', '../../renderer/src/main.js'],
      ['node/web-host/x.ts', '../cli/main.js'],
    ],
    allowed: [['node/web-host/x.ts', '../backend/backend.js']],
  },
  'launcher: the web host or the Electron binary, never the electron module': {
    banned: [
      ['node/launcher/x.ts', 'electron'],
      ['node/launcher/x.ts', '../../electron/main/index.js'],
      ['node/launcher/x.ts', '../emulator/index.js'],
      ['node/launcher/x.ts', '../demo/start-demo.js'],
    ],
    allowed: [['node/launcher/x.ts', '../web-host/serve-web.js']],
  },
  'emulator: a claim about the API, knowing nothing of Mull': {
    banned: [
      ['node/emulator/x.ts', '../core/engine/index.js'],
      ['node/emulator/x.ts', '../backend/app-settings.js'],
      ['node/emulator/x.ts', '../../shared/job.js'],
    ],
    allowed: [
      ['node/emulator/x.ts', './server.js'],
      ['node/emulator/x.ts', 'node:http'],
    ],
  },
  'demo: the emulator wired into the launcher': {
    banned: [
      ['node/demo/x.ts', '../../electron/main/index.js'],
      ['node/demo/x.ts', 'electron'],
    ],
    allowed: [
      ['node/demo/x.ts', '../emulator/index.js'],
      ['node/demo/x.ts', '../launcher/launch.js'],
      ['node/demo/x.ts', '../core/engine/index.js'],
    ],
  },
  'main: the composition root': {
    banned: [
      ['electron/main/x.ts', '../../node/web-host/web-host.js'],
      ['electron/main/x.ts', '../../node/emulator/index.js'],
      ['electron/main/x.ts', '../../node/core/engine/job-writer.js'],
      ['electron/main/x.ts', '../../renderer/src/main.js'],
      ['electron/main/x.ts', '../../e2e/fixtures/app.js'],
      ['electron/main/x.test.ts', '../../renderer/src/app/App.js'],
    ],
    allowed: [
      ['electron/main/x.ts', 'electron'],
      ['electron/main/x.ts', '../../node/backend/backend.js'],
      ['electron/main/x.ts', '../../node/launcher/demo-keys.js'],
      ['electron/main/x.ts', '../../node/core/engine/index.js'],
      ['electron/main/x.test.ts', '../../node/emulator/index.js'],
      ['electron/main/x.test.ts', '../preload/bridge.js'],
    ],
  },
};

describe.each(Object.entries(layers))('%s', (_name, { banned, allowed }) => {
  it.each(banned)('%s may not import %s', async (file, specifier) => {
    const errors = await layerErrors(file, `import '${specifier}';\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^no-restricted-imports: /u);
  });
  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, `import '${specifier}';\n`)).toEqual([]);
  });
});

describe('raw IPC', () => {
  it('is refused outside the two modules that register and bridge the contract', async () => {
    const code = "import { ipcMain } from 'electron';\n";
    expect(await layerErrors('electron/main/x.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Raw IPC lives in/u),
    ]);
    expect(await layerErrors('electron/main/contract-ipc.ts', code)).toEqual([]);
  });
});
