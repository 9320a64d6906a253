/**
 * The screens of the app, addressed by the URL fragment: #/cases, #/cases/<id>, #/new, #/settings,
 * #/users, #/audit, #/password, #/commission, #/meetings, #/meetings/<id>, #/documents, #/signing, #/verify,
 * #/places, #/archive; issue 17: #/ and #/home (the start page), #/statistics, and
 * #/meetings/<id>/projector (the meeting on the projector, a window of its own).
 */
export type Route =
  | { name: 'home' }
  | { name: 'statistics' }
  | { name: 'projector'; id: string }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'password' }
  | { name: 'commission' }
  | { name: 'meetings' }
  | { name: 'meeting'; id: string }
  | { name: 'documents' }
  | { name: 'signing' }
  | { name: 'verify' }
  | { name: 'places' }
  | { name: 'archive' }
  | { name: 'notFound'; hash: string };

export type RouteName = Route['name'];

const SIMPLE: Readonly<Record<string, Route>> = {
  '/home': { name: 'home' },
  '/statistics': { name: 'statistics' },
  '/cases': { name: 'cases' },
  '/new': { name: 'new' },
  '/settings': { name: 'settings' },
  '/users': { name: 'users' },
  '/audit': { name: 'audit' },
  '/password': { name: 'password' },
  '/commission': { name: 'commission' },
  '/meetings': { name: 'meetings' },
  '/documents': { name: 'documents' },
  '/signing': { name: 'signing' },
  '/verify': { name: 'verify' },
  '/places': { name: 'places' },
  '/archive': { name: 'archive' },
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'home' };
  const simple = SIMPLE[path];
  if (simple) return simple;
  const projector = /^\/meetings\/([^/]+)\/projector$/.exec(path);
  if (projector?.[1]) {
    try {
      return { name: 'projector', id: decodeURIComponent(projector[1]) };
    } catch {
      return { name: 'notFound', hash };
    }
  }
  const match = /^\/(cases|meetings)\/([^/]+)$/.exec(path);
  if (match?.[2]) {
    try {
      return { name: match[1] === 'cases' ? 'case' : 'meeting', id: decodeURIComponent(match[2]) };
    } catch {
      return { name: 'notFound', hash };
    }
  }
  return { name: 'notFound', hash };
}

export function routeHref(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.id)}`;
    case 'projector':
      return `#/meetings/${encodeURIComponent(route.id)}/projector`;
    default:
      return `#/${route.name}`;
  }
}
