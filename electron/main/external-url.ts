// Which links Mull hands to the OS. Opening a URL with the OS runs whatever handler is registered
// for its scheme (file:, smb:, ms-msdt:, search-ms: have all been used to run code on Windows), so
// only https: passes. No electron import: this is the one filter, unit-tested on its own.

// Whitespace, control and invisible formatting characters anywhere in the raw text: a URL parser
// strips or encodes some of them, so what a person saw would not be what the OS opens.
const hiddenOrSpace = /[\s\p{Cc}\p{Cf}]/u;

/** The normalized https URL to open, or undefined when `raw` must not reach the OS. */
export function safeExternalUrl(raw: string): string | undefined {
  if (raw === '' || hiddenOrSpace.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  // URL parsing lower-cases the scheme: `HTTPS://x` is https, `JAVASCRIPT:` is javascript.
  if (url.protocol !== 'https:') return undefined;
  // `https://user:pass@host` hides the real host from a quick look, and sends credentials.
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.hostname === '') return undefined;
  return url.href;
}
