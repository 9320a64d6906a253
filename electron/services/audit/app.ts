import type { ServiceContext, ServiceHandlers } from '../context';

export function auditHandlers(ctx: ServiceContext): Pick<ServiceHandlers, 'audit.list' | 'audit.verify' | 'audit.integrity' | 'audit.acceptIntegrity'> {
  return {
    'audit.list': async (filter) => ctx.audit.list(filter),
    'audit.verify': async () => ctx.audit.verify(),
    'audit.integrity': async () => ctx.integrity.report(),
    // Issue 16: the administrator's decision, recorded with what was found (paths and versions, no personal data).
    'audit.acceptIntegrity': async (_input, call) => {
      const before = ctx.integrity.report();
      const found = before.problems.map((p) => p.text.lt).join('; ') || 'nieko nerasta';
      call.record({ kind: 'directory' }, before, { accepted: true }, `Administratorius patvirtino dabartinę duomenų katalogo būklę. Rasta: ${found}`, () => ctx.integrity.accept());
      return ctx.integrity.report();
    },
  };
}
