/** The screens of the app, addressed by the URL fragment: #/cases, #/cases/<id>, #/new, #/settings. */
export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'notFound'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/cases') return { name: 'cases' };
  if (path === '/new') return { name: 'new' };
  if (path === '/settings') return { name: 'settings' };
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
    case 'cases':
      return '#/cases';
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
  }
}
