// `mull providers`: where jobs can go: each provider's id, name, base URL, and whether a key is set
// for it there ("set, ending in abcd"), never the key.
import type { ProviderConfig } from '../../../shared/provider.js';
import type { KeyStatus } from '../../core/secrets/index.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { formatTable } from '../job-format.js';
import type { CliSession } from '../session.js';

export const providersCommand = defineCommand({
  name: 'providers',
  help: `Usage: mull providers

Lists the providers jobs can be sent to: the ones set up in the app's Settings, and one for each
--base-url a submit used. For each: its id (what --provider takes; its name works too), its name,
its base URL, and its key: "set, ending in abcd" (the last four characters only), or "not set".
Keys are kept in the OS keychain, bound to the provider's address ('mull key set'); OPENAI_API_KEY
serves OpenAI and the server OPENAI_BASE_URL names. With --json: { providers: [...] }.`,
  options: {},
  positionals: { min: 0, max: 0, name: '' },
  async run(session) {
    const manager = await session.openSettingsReader();
    let providers: ProviderConfig[];
    try {
      providers = manager.settings.providers();
    } finally {
      await manager.close();
    }
    const statuses = await keyStatuses(session, providers);
    if (session.json) {
      session.printJson({
        providers: providers.map((p, i) => ({
          id: p.id,
          name: p.label,
          kind: p.kind,
          baseUrl: p.baseUrl,
          key: statuses[i],
        })),
      });
      return exitCodes.ok;
    }
    const rows = providers.map((p, i) => [p.id, p.label, p.baseUrl, keyWords(statuses[i])]);
    session.out(formatTable([['ID', 'NAME', 'BASE URL', 'KEY'], ...rows]));
    return exitCodes.ok;
  },
});

type Shown = KeyStatus | { set: false; unknown: string };

/** Each provider's key status; "unknown" for all of them when the keychain cannot be read. */
async function keyStatuses(session: CliSession, providers: ProviderConfig[]): Promise<Shown[]> {
  const [keys, keychain, secrets] = await Promise.all([
    session.keys(),
    session.osKeys(),
    session.secrets(),
  ]);
  try {
    const statuses: Shown[] = [];
    let unreadable: string | undefined;
    for (const provider of providers) {
      const status = await keys.status(provider);
      if (status.set) {
        statuses.push(status);
        continue;
      }
      // status() reads an unreadable keychain as "not set": ask it once to tell the two apart.
      const origin = secrets.originOf(provider.baseUrl);
      if (unreadable === undefined && origin !== undefined) {
        unreadable = await keychain
          .status(secrets.keyAccount(provider.id, origin))
          .then(() => '')
          .catch((error: unknown) =>
            error instanceof secrets.KeychainUnavailableError ? error.message : '',
          );
      }
      statuses.push(unreadable ? { set: false, unknown: unreadable } : status);
    }
    return statuses;
  } finally {
    keychain.close();
  }
}

function keyWords(status: Shown | undefined): string {
  if (status === undefined) return 'not set';
  if ('unknown' in status) return 'unknown (the OS keychain cannot be read)';
  if (!status.set) return 'not set';
  const ending = status.last4 === '' ? 'set' : `set, ending in ${status.last4}`;
  return status.source === 'environment' ? `${ending} (OPENAI_API_KEY)` : ending;
}
