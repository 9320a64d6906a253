/** Issue 17: the start page of each role (home.get). */
import type { ServiceContext, ServiceHandlers } from '../context';

type HomeHandlers = Pick<ServiceHandlers, 'home.get'>;

export function homeHandlers(_ctx: ServiceContext): HomeHandlers {
  return {
    'home.get': async () => ({}),
  };
}
