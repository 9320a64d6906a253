import { describe, expect, it } from 'vitest';
import { tokenFromHash } from '../../../renderer/api/token';
import { parseRoute, routeHref } from '../../../renderer/router/routes';

describe('the hash router', () => {
  it('reads every screen from the fragment', () => {
    // Issue 17: the start page is the root.
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/home')).toEqual({ name: 'home' });
    expect(parseRoute('#/statistics')).toEqual({ name: 'statistics' });
    expect(parseRoute('#/meetings/m%201/projector')).toEqual({ name: 'projector', id: 'm 1' });
    expect(parseRoute('#/cases')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/0b5c9a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21')).toEqual({ name: 'case', id: '0b5c9a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21' });
    expect(parseRoute('#/new')).toEqual({ name: 'new' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'notFound', hash: '#/nowhere' });
    expect(parseRoute('#/cases/%E0%A4%A')).toEqual({ name: 'notFound', hash: '#/cases/%E0%A4%A' });
  });

  it('writes addresses that it reads back', () => {
    for (const route of [{ name: 'home' }, { name: 'statistics' }, { name: 'projector', id: 'x/y' }, { name: 'cases' }, { name: 'case', id: 'a/b c' }, { name: 'new' }, { name: 'settings' }] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});

describe('the access token in the fragment', () => {
  it('is taken from #token=…, and only from there', () => {
    expect(tokenFromHash('#token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromHash('token=xyz')).toBe('xyz');
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#/cases')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});
