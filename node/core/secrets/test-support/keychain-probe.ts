// Child-process fixture for the keychain tests: drives osKeychain() and keySourceFor() against
// whatever keychain this process can reach, and prints one JSON line (ProbeResult) on stdout.
// It runs in a child so that each test controls the D-Bus session the keychain library sees.
//
//   node --import tsx keychain-probe.ts <round-trip|key-origins|no-keychain> <service>
import {
  KeychainUnavailableError,
  keySourceFor,
  osKeychain,
  removeProviderKeys,
  storeProviderKey,
  type KeyStore,
} from '../index.js';
import { probeKeys, probeProviders, type Outcome, type ProbeResult } from './probe-protocol.js';

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    // JSON has no undefined: report it as null so "resolved undefined" stays visible.
    return { ok: true, value: value ?? null };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return {
      ok: false,
      name,
      message,
      isKeychainUnavailable: error instanceof KeychainUnavailableError,
    };
  }
}

async function roundTrip(keychain: KeyStore): Promise<ProbeResult> {
  const fromKeychain = keySourceFor({}, keychain);
  const withEnvironment = keySourceFor({ OPENAI_API_KEY: probeKeys.environment }, keychain);
  const steps: [string, () => Promise<unknown>][] = [
    ['statusBefore', () => keychain.status('openai')],
    ['getBefore', () => keychain.get('openai')],
    // Pasted with a trailing newline: stored trimmed.
    ['set', () => keychain.set('openai', `${probeKeys.first}\n`)],
    ['statusAfterSet', () => keychain.status('openai')],
    ['getAfterSet', () => keychain.get('openai')],
    ['setOther', () => keychain.set('compatible-local', probeKeys.other)],
    ['overwrite', () => keychain.set('openai', probeKeys.second)],
    ['getAfterOverwrite', () => keychain.get('openai')],
    ['statusAfterOverwrite', () => keychain.status('openai')],
    ['getOther', () => keychain.get('compatible-local')],
    // Keys stored under the bare provider id (as above, and as Mull did before keys were bound
    // to an origin) are read for the provider's base URL now, and bound to its origin.
    ['sourceGet', () => fromKeychain.get(probeProviders.openai)],
    ['sourceStatus', () => fromKeychain.status(probeProviders.openai)],
    ['environmentGet', () => withEnvironment.get(probeProviders.openai)],
    ['environmentStatus', () => withEnvironment.status(probeProviders.openai)],
    ['environmentGetOtherProvider', () => withEnvironment.get(probeProviders.local)],
    ['clear', () => keychain.clear('openai')],
    ['getAfterClear', () => keychain.get('openai')],
    ['statusAfterClear', () => keychain.status('openai')],
    ['clearAgain', () => keychain.clear('openai')],
    ['getOtherAfterClear', () => fromKeychain.get(probeProviders.local)],
    ['clearOther', () => keychain.clear('compatible-local')],
  ];
  const result: ProbeResult = {};
  // One after the other: each step reads what the previous ones wrote.
  for (const [name, run] of steps) result[name] = await attempt(run);
  return result;
}

/** A key bound to the origin it was entered for, in a real keychain (see key-account.ts). */
async function keyOrigins(keychain: KeyStore): Promise<ProbeResult> {
  const keys = keySourceFor({}, keychain);
  const { workAtHome: home, workElsewhere: elsewhere, crafted } = probeProviders;
  const steps: [string, () => Promise<unknown>][] = [
    // As an earlier Mull stored it: under the bare provider id.
    ['legacySet', () => keychain.set('work', probeKeys.first)],
    ['readAtHome', () => keys.get(home)],
    ['legacyEntryAfterRead', () => keychain.get('work')],
    ['boundEntryAfterRead', () => keychain.get('work @ https://work.example')],
    ['readElsewhere', () => keys.get(elsewhere)],
    ['statusElsewhere', () => keys.status(elsewhere)],
    ['storeElsewhere', () => storeProviderKey(keychain, elsewhere, probeKeys.second)],
    ['readElsewhereAfterStore', () => keys.get(elsewhere)],
    ['readAtHomeAfterStore', () => keys.get(home)],
    // An id that spells the bound account of `work` at home must not read it as its own.
    ['readCrafted', () => keys.get(crafted)],
    ['removeAtHome', () => removeProviderKeys(keychain, home)],
    ['readAtHomeAfterRemove', () => keys.get(home)],
    ['readElsewhereAfterRemove', () => keys.get(elsewhere)],
    ['removeElsewhere', () => removeProviderKeys(keychain, elsewhere)],
    ['removeAgain', () => removeProviderKeys(keychain, elsewhere)],
  ];
  const result: ProbeResult = {};
  for (const [name, run] of steps) result[name] = await attempt(run);
  return result;
}

async function noKeychain(keychain: KeyStore): Promise<ProbeResult> {
  const fromKeychain = keySourceFor({}, keychain);
  const withEnvironment = keySourceFor({ OPENAI_API_KEY: ` ${probeKeys.environment} ` }, keychain);
  return {
    set: await attempt(() => keychain.set('openai', probeKeys.first)),
    get: await attempt(() => keychain.get('openai')),
    status: await attempt(() => keychain.status('openai')),
    clear: await attempt(() => keychain.clear('openai')),
    sourceGet: await attempt(() => fromKeychain.get(probeProviders.openai)),
    sourceStatus: await attempt(() => fromKeychain.status(probeProviders.openai)),
    environmentGet: await attempt(() => withEnvironment.get(probeProviders.openai)),
    environmentStatus: await attempt(() => withEnvironment.status(probeProviders.openai)),
  };
}

const modes = { 'round-trip': roundTrip, 'key-origins': keyOrigins, 'no-keychain': noKeychain };
const [mode, service] = process.argv.slice(2);
if (service === undefined || mode === undefined || !Object.hasOwn(modes, mode)) {
  console.error('usage: keychain-probe.ts <round-trip|key-origins|no-keychain> <service>');
  process.exit(2);
}
const result = await modes[mode as keyof typeof modes](osKeychain(service));
console.log(JSON.stringify(result));
