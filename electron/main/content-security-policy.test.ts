// The CSP every app:// page is served with (shared with the web host): the renderer never talks to
// the network, runs no inline or eval'd script and cannot be framed.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name === undefined || name === '') continue;
    expect(map.has(name), `${name} appears twice`).toBe(false);
    map.set(name.toLowerCase(), sources);
  }
  return map;
}

const policy = directives(contentSecurityPolicy);
const sourcesOf = (name: string) => policy.get(name);

describe('contentSecurityPolicy', () => {
  it('denies everything by default', () => {
    expect(sourcesOf('default-src')).toEqual(["'none'"]);
  });

  it('loads script only from the app itself: no inline, no eval, no wasm eval', () => {
    expect(sourcesOf('script-src')).toEqual(["'self'"]);
  });

  it('loads styles from the app itself, without inline styles', () => {
    expect(sourcesOf('style-src')).toEqual(["'self'"]);
  });

  it('connects only to its own origin (the web host API; nothing under app://)', () => {
    expect(sourcesOf('connect-src')).toEqual(["'self'"]);
  });

  it('shows images and fonts only from the app or inline data (images also from blob: URLs)', () => {
    // blob: URLs are made by the page's own script from attachment bytes it fetched (thumbnails).
    expect(sourcesOf('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(sourcesOf('font-src')).toEqual(["'self'", 'data:']);
  });

  it('pins the base URL, forbids form posts and framing by anyone', () => {
    expect(sourcesOf('base-uri')).toEqual(["'none'"]);
    expect(sourcesOf('form-action')).toEqual(["'none'"]);
    expect(sourcesOf('frame-ancestors')).toEqual(["'none'"]);
  });

  it('leaves objects, frames, workers and media to default-src none', () => {
    for (const name of ['object-src', 'frame-src', 'child-src', 'worker-src', 'media-src']) {
      const sources = sourcesOf(name);
      if (sources !== undefined) expect(sources).toEqual(["'none'"]);
    }
  });

  it('names no remote source, wildcard or unsafe keyword anywhere', () => {
    const everySource = [...policy.values()].flat();
    for (const source of everySource) {
      expect(source).not.toMatch(/unsafe|\*|^https?:|^wss?:|^filesystem:|^file:|\./iu);
      expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source);
    }
  });

  it('allows blob: only for images (never for scripts, frames, workers or connections)', () => {
    for (const [name, sources] of policy) {
      if (sources.includes('blob:')) expect(name).toBe('img-src');
    }
  });

  it('allows data: only for images and fonts', () => {
    for (const [name, sources] of policy) {
      if (sources.includes('data:')) expect(['img-src', 'font-src']).toContain(name);
    }
  });
});
