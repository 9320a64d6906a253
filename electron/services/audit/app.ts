import type { Handlers } from '../../../shared/contract/methods';
import type { ServiceContext } from '../context';

export function auditHandlers(ctx: ServiceContext): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': async (filter) => ctx.audit.list(filter),
    'audit.verify': async () => ctx.audit.verify(),
  };
}
