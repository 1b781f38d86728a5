// `npm run emulator -- [options]`: the Responses API emulator as a standalone server.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  EmulatorConfig,
  ResponseScript,
  ScriptRule,
  type ResponseScriptInput,
  type ScriptRuleInput,
} from './script.js';
import { startEmulator } from './server.js';

const usage = `Usage: npm run emulator -- [options]

  --port N                 port on 127.0.0.1 (default 0: a free port)
  --speed X                virtual time runs X times faster than the clock (default 1)
  --queued-ms MS           default time spent queued (virtual ms)
  --think-ms MS            default silent thinking before the first delta (virtual ms)
  --delta-interval-ms MS   default time between deltas (virtual ms)
  --answer TEXT            default answer text
  --restream-max-age-ms MS re-stream age limit (virtual ms; default 300000)
  --poll-after-ms MS       send openai-poll-after-ms on every poll
  --script FILE            JSON file with the default response script
  --rules FILE             JSON file with an array of script rules
  --keys K1,K2             accept only these API keys (default: any non-empty key)
  --help                   this text

The control API is documented in README.md ("The Responses API emulator").`;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${name} must be a non-negative number, got '${value}'`);
  return n;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      speed: { type: 'string' },
      'queued-ms': { type: 'string' },
      'think-ms': { type: 'string' },
      'delta-interval-ms': { type: 'string' },
      answer: { type: 'string' },
      'restream-max-age-ms': { type: 'string' },
      'poll-after-ms': { type: 'string' },
      script: { type: 'string' },
      rules: { type: 'string' },
      keys: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const scriptFromFile = (values.script ? readJson(values.script) : {}) as ResponseScriptInput;
  const defaultScript: ResponseScriptInput = {
    ...scriptFromFile,
    ...(values.answer !== undefined ? { answer: values.answer } : {}),
    timing: {
      ...scriptFromFile.timing,
      ...(values['queued-ms'] !== undefined
        ? { queuedMs: number('queued-ms', values['queued-ms']) }
        : {}),
      ...(values['think-ms'] !== undefined
        ? { thinkMs: number('think-ms', values['think-ms']) }
        : {}),
      ...(values['delta-interval-ms'] !== undefined
        ? { deltaIntervalMs: number('delta-interval-ms', values['delta-interval-ms']) }
        : {}),
    },
  };
  ResponseScript.parse(defaultScript);
  const config = EmulatorConfig.parse({
    speed: number('speed', values.speed),
    restreamMaxAgeMs: number('restream-max-age-ms', values['restream-max-age-ms']),
    pollAfterMs: number('poll-after-ms', values['poll-after-ms']),
    defaultScript,
  });
  // Validated here, but passed on as written so each rule layers over the default script.
  const rules = (values.rules ? readJson(values.rules) : []) as ScriptRuleInput[];
  z.array(ScriptRule).parse(rules);
  const emulator = await startEmulator({
    port: number('port', values.port) ?? 0,
    config: { ...config, defaultScript },
    rules,
    keys: values.keys ? { allowed: values.keys.split(',').map((k) => k.trim()) } : {},
  });
  console.log(
    `Responses API emulator listening: base URL ${emulator.baseURL} (Azure: ${emulator.azureBaseURL}; control: ${emulator.url}/_emulator/)`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof z.ZodError
      ? z.prettifyError(error)
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`emulator: ${message}`);
  process.exit(2);
});
