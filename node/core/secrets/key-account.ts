// A key belongs to a provider AND the address it was entered for. The keychain entry says both:
// its account is `PROVIDER_ID @ ORIGIN` (e.g. `openai @ https://api.openai.com`), so a provider
// re-pointed at another server looks its key up under another account and finds none: a key is
// never sent to an origin it was not entered for, even if removing it failed.
//
// Mull versions before this one stored a key under the bare provider id (a "legacy" entry, no
// origin). See key-source.ts for how such a key is bound to an origin on first use.

/** Where OPENAI_API_KEY may always go. */
export const openAIOrigin = 'https://api.openai.com';

/** What a key is looked up for: a provider id and the base URL its requests go to. */
export interface KeyTarget {
  id: string;
  baseUrl: string;
}

/**
 * The origin (scheme, host, port) of `baseUrl`, e.g. `https://api.openai.com`; undefined when it
 * is not an http(s) URL with a host. Default ports are dropped and the host is lowercased, so two
 * spellings of one server have one origin.
 */
export function originOf(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.origin === 'null' || url.host === '' ? undefined : url.origin;
}

/** The keychain account of `providerId`'s key for `origin`. */
export function keyAccount(providerId: string, origin: string): string {
  return `${providerId} @ ${origin}`;
}

/** The provider id an account belongs to: `work` for `work @ https://x.example` and for `work`. */
export function providerIdOfAccount(account: string): string {
  const at = account.lastIndexOf(' @ ');
  return at === -1 ? account : account.slice(0, at);
}

/**
 * Whether an earlier version's entry (account = the bare provider id) may be read for this id.
 * Never for an id with whitespace in it: such an id could spell another provider's bound account
 * (`work @ https://work.example`) and so read that provider's key as if it were its own. The app
 * makes ids of lowercase letters, digits and dashes (`work-azure`), the command line `url-3f2a...`.
 */
export function mayHaveLegacyEntry(providerId: string): boolean {
  return providerId !== '' && !/\s/u.test(providerId);
}
