// One normalized base URL per provider, and every request path joined onto it. Hand-building
// `${base}/v1/responses` against a base that already ends in /v1 gave `/v1/v1/...` and a 404 taken
// as permanent in a popular agent; here the version lives in the base and nowhere else.
import type { ProviderKind } from '../../../shared/provider.js';

/**
 * The base URL requests of this provider kind are joined onto, e.g. `https://api.openai.com/v1`
 * or `https://RES.openai.azure.com/openai/v1`. Throws an Error with a readable message when the
 * input cannot be a base URL.
 *
 * - Whitespace around it is trimmed; scheme and host are lowercased; a default port is dropped.
 * - https only, except http for a loopback host (a local server, the emulator) and for any
 *   `compatible` provider, which may be a self-hosted server on the LAN without TLS. OpenAI and
 *   Azure are never reached over plain http: the key would travel in the clear.
 * - A user name or password in the URL is refused: keys belong in the keychain, not in a URL
 *   that ends up in settings and logs.
 * - Query and fragment are dropped (e.g. Azure's `?api-version=`: the v1 API takes none).
 * - Duplicate and trailing slashes go, `/v1/v1` becomes `/v1`, and a pasted endpoint
 *   (`.../v1/responses`, `.../chat/completions`) is cut back to its base.
 * - openai / compatible: `/v1` is appended when no path segment is a version (`v1`, `v2`,
 *   `v1beta`...). A version anywhere in the path means the provider's documented base was pasted
 *   and is kept as is: `/api/v2`, Gemini's `/v1beta/openai`, Cloudflare's `/v1/ACCOUNT/GATEWAY/openai`.
 * - azure: the path is cut after its `openai` segment and ends in `/openai/v1` (added when missing,
 *   so a bare resource URL or a legacy `/openai/deployments/...` URL both work).
 */
export function normalizeBaseUrl(kind: ProviderKind, raw: string): string {
  const url = parseHttpUrl(raw.trim());
  if (url.protocol === 'http:' && kind !== 'compatible' && !isLoopbackHost(url.hostname)) {
    throw new Error(
      `The base URL must use https:// (http:// only for a server on this computer): got '${raw.trim()}'`,
    );
  }
  const path = withoutEndpoint(tidyPath(url.pathname));
  const versionedPath = kind === 'azure' ? azurePath(path) : openAIPath(path);
  return `${url.protocol}//${url.host}${versionedPath}`;
}

function parseHttpUrl(text: string): URL {
  if (text === '') throw new Error('The base URL is empty.');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') {
    throw new Error(
      `The base URL must start with https:// (or http:// for a local server): got '${text}'`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The base URL is not a valid URL: got '${text}'`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(
      'The base URL must not contain a user name or password: keep keys in the key settings.',
    );
  }
  return url;
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    // The URL parser has already turned shorthand such as `127.1` into dotted quads.
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** Duplicate and trailing slashes removed, repeated `/v1` collapsed; '' for the root. */
function tidyPath(pathname: string): string {
  return pathname
    .replace(/\/{2,}/g, '/')
    .replace(/(\/v1)+(?=\/|$)/g, '/v1')
    .replace(/\/+$/, '');
}

/** Endpoints people paste instead of the base they belong to. */
const endpointSuffix = /\/(responses|chat\/completions|completions)$/;

function withoutEndpoint(path: string): string {
  return path.replace(endpointSuffix, '');
}

const versionSegment = /^v\d+[a-z\d.]*$/i;

function openAIPath(path: string): string {
  const hasVersion = path.split('/').some((segment) => versionSegment.test(segment));
  return hasVersion ? path : `${path}/v1`;
}

function azurePath(path: string): string {
  const segments = path.split('/');
  const openaiAt = segments.indexOf('openai');
  const prefix = openaiAt === -1 ? path : segments.slice(0, openaiAt).join('/');
  return `${prefix}/openai/v1`;
}
