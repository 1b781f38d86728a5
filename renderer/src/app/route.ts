// Where the person is, kept in the URL's hash: it survives a reload, works from a file or custom
// protocol and from the web host alike, and needs no router for five places.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'board' }
  | { page: 'job'; id: string }
  | { page: 'compare'; groupId: string }
  | { page: 'new' }
  | { page: 'settings' }
  | { page: 'spend' };

/** `text` with its percent-escapes decoded; as it is when they are malformed (never throws). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/u, '');
  const [page = '', ...rest] = path.split('/');
  if (page === 'job' && rest[0]) return { page: 'job', id: decoded(rest[0]) };
  if (page === 'compare' && rest[0]) return { page: 'compare', groupId: decoded(rest[0]) };
  if (page === 'new' || page === 'settings' || page === 'spend') return { page };
  return { page: 'board' };
}

export function routeHash(route: Route): string {
  if (route.page === 'job') return `#/job/${encodeURIComponent(route.id)}`;
  if (route.page === 'compare') return `#/compare/${encodeURIComponent(route.groupId)}`;
  return `#/${route.page === 'board' ? '' : route.page}`;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
