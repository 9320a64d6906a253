import type { CommissionRecord } from '../../../shared/contract/meetingSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext, ServiceHandlers } from '../context';

/**
 * The disciplinary commission (V-77 p. 9–11; DESIGN §1): its members, their roles and its voting
 * rules. A feature of its own; the meetings read it (an opened meeting keeps its own copy).
 */
export function commissionHandlers(ctx: ServiceContext): Pick<ServiceHandlers, 'commission.get' | 'commission.save'> {
  return {
    'commission.get': async () => ctx.commission.get(),

    'commission.save': async ({ revision, members, rules }, caller) => {
      const current = ctx.commission.get();
      if ((current?.revision ?? 0) !== revision) {
        throw new DomainError('COMMISSION_CHANGED');
      }
      // A member an earlier meeting sat with stays on record: membership ends, it is not erased.
      const kept = new Set(members.map((m) => m.id));
      const used = ctx.meetings.list().flatMap((m) => (m.members ?? []).map((x) => ({ member: x, meeting: m })));
      const lost = used.find((u) => !kept.has(u.member.id));
      if (lost) {
        throw new DomainError('MEMBER_IN_USE', { memberId: lost.member.id, name: lost.member.name, date: lost.meeting.date });
      }
      const next: CommissionRecord = { members, rules, revision: revision + 1, updatedAt: ctx.now().toISOString() };
      caller.record({ kind: 'commission' }, current ?? undefined, next, `Komisijos sudėtis ir taisyklės (${members.length} nariai)`, (w) => w.commission.put(next));
      return next;
    },
  };
}
