import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route.js';

describe('routes', () => {
  it.each<Route>([
    { page: 'board' },
    { page: 'job', id: 'job_01H/odd id' },
    { page: 'compare', groupId: 'group 1/2' },
    { page: 'new' },
    { page: 'settings' },
    { page: 'spend' },
  ])('round-trips %j through the hash', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the board for anything else', () => {
    expect(parseRoute('')).toEqual({ page: 'board' });
    expect(parseRoute('#/nope')).toEqual({ page: 'board' });
    expect(parseRoute('#/job/')).toEqual({ page: 'board' });
  });
});
