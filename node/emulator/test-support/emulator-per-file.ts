// One emulator and one official SDK client for a whole test file, reset before each test: the
// setup every emulator test file shares.
import type OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { collect, createBackgroundStream, sdkClient, type Collected } from './sdk.js';

export interface EmulatorPerFile {
  readonly emulator: RunningEmulator;
  readonly client: OpenAI;
  /** Scripts the next create (with `answer` unless the script says otherwise) and collects it. */
  scripted(script: ScriptOf, answer?: string): Promise<Collected>;
}

type ScriptOf = Parameters<RunningEmulator['control']['addScript']>[0]['script'];

export function emulatorPerFile(): EmulatorPerFile {
  let started: { emulator: RunningEmulator; client: OpenAI } | undefined;
  const live = () => {
    if (!started) throw new Error('the emulator starts in beforeAll');
    return started;
  };
  beforeAll(async () => {
    const emulator = await startEmulator();
    started = { emulator, client: sdkClient(emulator.baseURL) };
  });
  beforeEach(() => live().emulator.control.reset());
  afterAll(() => started?.emulator.close());
  return {
    get emulator() {
      return live().emulator;
    },
    get client() {
      return live().client;
    },
    async scripted(script, answer) {
      await live().emulator.control.addScript({ script: { answer, ...script } });
      return collect(await createBackgroundStream(live().client));
    },
  };
}
