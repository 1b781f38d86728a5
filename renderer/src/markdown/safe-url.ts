// Which URLs in model output survive. The answer is untrusted: only web links and in-page anchors
// (footnotes) keep their URL; anything else (javascript:, vbscript:, data:, file:, relative paths,
// protocol-relative hosts, custom schemes) becomes an empty string. Parsing with URL makes the
// browser's own rules decide the scheme, so tabs, newlines and odd case cannot hide one.
const keptSchemes = new Set(['https:', 'http:', 'mailto:']);

export function safeUrl(raw: string): string {
  const value = raw.trim();
  if (/^#[^\s]*$/u.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '';
  }
  return keptSchemes.has(url.protocol) ? url.href : '';
}

/** Links the OS may open: https only (the main process checks again). */
export function isOpenableLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
