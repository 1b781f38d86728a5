// Child-process fixture for the keychain tests: drives osKeychain() and keySourceFor() against
// whatever keychain this process can reach, and prints one JSON line (ProbeResult) on stdout.
// It runs in a child so that each test controls the D-Bus session the keychain library sees.
//
//   node --import tsx keychain-probe.ts <round-trip|no-keychain> <service>
import { KeychainUnavailableError, keySourceFor, osKeychain, type KeyStore } from '../index.js';
import { probeKeys, type Outcome, type ProbeResult } from './probe-protocol.js';

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
    ['sourceGet', () => fromKeychain.get('openai')],
    ['sourceStatus', () => fromKeychain.status('openai')],
    ['environmentGet', () => withEnvironment.get('openai')],
    ['environmentStatus', () => withEnvironment.status('openai')],
    ['environmentGetOtherProvider', () => withEnvironment.get('compatible-local')],
    ['clear', () => keychain.clear('openai')],
    ['getAfterClear', () => keychain.get('openai')],
    ['statusAfterClear', () => keychain.status('openai')],
    ['clearAgain', () => keychain.clear('openai')],
    ['getOtherAfterClear', () => keychain.get('compatible-local')],
    ['clearOther', () => keychain.clear('compatible-local')],
  ];
  const result: ProbeResult = {};
  // One after the other: each step reads what the previous ones wrote.
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
    sourceGet: await attempt(() => fromKeychain.get('openai')),
    sourceStatus: await attempt(() => fromKeychain.status('openai')),
    environmentGet: await attempt(() => withEnvironment.get('openai')),
    environmentStatus: await attempt(() => withEnvironment.status('openai')),
  };
}

const [mode, service] = process.argv.slice(2);
if (service === undefined || (mode !== 'round-trip' && mode !== 'no-keychain')) {
  console.error('usage: keychain-probe.ts <round-trip|no-keychain> <service>');
  process.exit(2);
}
const keychain = osKeychain(service);
const result = mode === 'round-trip' ? await roundTrip(keychain) : await noKeychain(keychain);
console.log(JSON.stringify(result));
