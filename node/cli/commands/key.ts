// `mull key set|clear --provider P`: a provider's API key in the OS keychain, from the command
// line, so that a server given with --base-url can be used on a machine without the app. The key
// is read from stdin (a pipe or a file) or typed at a hidden prompt; it is never an argument
// (argv is visible to every process of the machine), never printed (its last four characters are).
// It is stored exactly as the app's Settings store it: bound to the origin of the provider's base
// URL (secrets/key-account.ts), so it is never sent anywhere else.
import type { ProviderConfig } from '../../../shared/provider.js';
import type { JobManager } from '../../core/engine/index.js';
import { UsageError, exitCodes } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { defineCommand } from '../command.js';
import { readAll } from '../prompt-source.js';
import { providerNamed } from '../provider-names.js';
import type { CliSession } from '../session.js';
import { providerForBaseUrl } from '../url-provider.js';

const actions = ['set', 'clear'] as const;

export const keyCommand = defineCommand({
  name: 'key',
  help: `Usage: mull key set (--provider P | --base-url URL) < FILE
       mull key clear (--provider P | --base-url URL)

set: stores the provider's API key in the OS keychain, as the app's Settings do: bound to the
     address (origin) of the provider's base URL, so it is only ever sent there. The key is read
     from stdin when stdin is not a terminal ('mull key set --provider P < key.txt', or from a
     password manager's pipe), otherwise at a hidden prompt. It is never given as an argument,
     and never printed: only its last four characters are. With --base-url, the provider for
     that server is set up if it is new (as 'mull submit --base-url' does).
clear: removes the provider's key from the OS keychain.

Options:
  --provider P     the provider, by id or name ('mull providers' lists them)
  --base-url URL   the provider whose base URL this is`,
  options: {
    provider: { type: 'string' },
    'base-url': { type: 'string' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: "'set' or 'clear'" },
  async run(session, { values, positionals }) {
    // Never echoed: a key pasted as an argument must not end up on the screen or in a log.
    if (positionals.length > 1) {
      throw new UsageError(
        "mull key takes 'set' or 'clear' and nothing else; the key itself is read from stdin, never from the arguments",
      );
    }
    const action = actions.find((a) => a === positionals[0]);
    if (action === undefined) throw new UsageError("mull key takes 'set' or 'clear'");
    if (values.provider !== undefined && values['base-url'] !== undefined) {
      throw new UsageError('Give --provider or --base-url, not both');
    }
    if (values.provider === undefined && values['base-url'] === undefined) {
      throw new UsageError(`mull key ${action} needs --provider P or --base-url URL`);
    }
    const manager = await session.openReader();
    try {
      const provider =
        values['base-url'] !== undefined
          ? providerForBaseUrl(manager.settings, values['base-url'], '--base-url', {
              create: action === 'set',
            })
          : providerNamed(manager.settings, values.provider ?? '');
      return await (action === 'set'
        ? setKey(session, manager, provider)
        : clearKey(session, manager, provider));
    } finally {
      await manager.close();
      (await session.osKeys()).close();
    }
  },
});

async function setKey(
  session: CliSession,
  manager: JobManager,
  provider: ProviderConfig,
): Promise<number> {
  const { storeProviderKey, maskKey, originOf } = await session.secrets();
  const key = await readKey(session.io, provider);
  await storeProviderKey(await session.osKeys(), provider, key);
  manager.settings.setKeyNote(provider.id, undefined);
  const last4 = maskKey(key);
  if (session.json) {
    session.printJson({ provider: provider.id, key: { set: true, last4, source: 'keychain' } });
  }
  session.say(
    `mull: the API key for ${provider.label} (${originOf(provider.baseUrl) ?? provider.baseUrl}) is stored in the OS keychain${last4 ? `, ending in ${last4}` : ''}.`,
  );
  return exitCodes.ok;
}

async function clearKey(
  session: CliSession,
  manager: JobManager,
  provider: ProviderConfig,
): Promise<number> {
  const { removeProviderKeys } = await session.secrets();
  const had = await removeProviderKeys(await session.osKeys(), provider);
  manager.settings.setKeyNote(provider.id, undefined);
  const still = await (await session.keys()).status(provider);
  if (session.json) session.printJson({ provider: provider.id, removed: had, key: still });
  session.say(
    had
      ? `mull: the API key for ${provider.label} is removed from the OS keychain.`
      : `mull: ${provider.label} had no API key in the OS keychain.`,
  );
  if (still.set && still.source === 'environment') {
    session.say(`mull: OPENAI_API_KEY still serves ${provider.label} in this environment.`);
  }
  return exitCodes.ok;
}

/** The key from stdin (a pipe, a file), or typed at a hidden prompt on a terminal. */
async function readKey(io: CliIo, provider: ProviderConfig): Promise<string> {
  const key =
    io.stdin.isTTY === true && io.stdin.setRawMode !== undefined
      ? await hiddenPrompt(io, `API key for ${provider.label} (${provider.baseUrl}): `)
      : await readAll(io.stdin);
  if (key.trim() === '') {
    throw new UsageError(
      io.stdin.isTTY === true
        ? 'No key was typed'
        : `No key on stdin: pipe it in ('mull key set --provider ${provider.id} < key.txt')`,
    );
  }
  return key;
}

/** Reads one line with echo off (the terminal in raw mode): nothing typed is shown. */
function hiddenPrompt(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish(() => resolve(typed));
          return;
        }
        if (char === '\u0003') {
          finish(() => reject(new UsageError('No key was stored (interrupted)')));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
