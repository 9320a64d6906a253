/**
 * The screens of the app, addressed by the URL fragment: #/cases, #/cases/<id>, #/new, #/settings,
 * #/users, #/audit, #/password.
 */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'password' }
  | { name: 'notFound'; hash: string };

export type RouteName = Route['name'];

const SIMPLE: Readonly<Record<string, Route>> = {
  '/cases': { name: 'cases' },
  '/new': { name: 'new' },
  '/settings': { name: 'settings' },
  '/users': { name: 'users' },
  '/audit': { name: 'audit' },
  '/password': { name: 'password' },
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'cases' };
  const simple = SIMPLE[path];
  if (simple) return simple;
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  if (caseMatch?.[1]) {
    try {
      return { name: 'case', id: decodeURIComponent(caseMatch[1]) };
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
    default:
      return `#/${route.name}`;
  }
}
