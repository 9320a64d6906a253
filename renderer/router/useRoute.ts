import { useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

/** The current route; re-renders when the fragment changes (links, back and forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: Parameters<typeof routeHref>[0]): void {
  location.hash = routeHref(route);
}

/** Go to `route` in place of the current address (no new history entry: Back does not return here). */
export function redirect(route: Parameters<typeof routeHref>[0]): void {
  location.replace(routeHref(route));
}
