import { describe, expect, it } from 'vitest';
import { RouteMethods } from './route-methods.js';

describe('RouteMethods', () => {
  const routes = new RouteMethods();
  routes.add('GET', '/api/perf');
  routes.add('HEAD', '/api/perf');
  routes.add(['POST'], '/api/alerts/rules');
  routes.add('GET', '/api/alerts/rules');
  routes.add('GET', '/api/series/:symbol');
  routes.add('GET', '/assets/*');

  it('lists the methods of a path, sorted', () => {
    expect(routes.allowed('/api/perf')).toEqual(['GET', 'HEAD']);
    expect(routes.allowed('/api/perf/')).toEqual(['GET', 'HEAD']);
    expect(routes.allowed('/api/alerts/rules')).toEqual(['GET', 'POST']);
  });

  it('matches a parameter as one segment and a wildcard as the rest', () => {
    expect(routes.allowed('/api/series/AAPL')).toEqual(['GET']);
    expect(routes.allowed('/api/series/AAPL/more')).toEqual([]);
    expect(routes.allowed('/assets/a/b.js')).toEqual(['GET']);
  });

  it('is empty for a path no route has (a 404, not a 405)', () => {
    expect(routes.allowed('/api/nosuch')).toEqual([]);
    expect(routes.allowed('/api/perfx')).toEqual([]);
  });
});
