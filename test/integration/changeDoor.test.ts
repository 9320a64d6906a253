// Issue 13: every change goes through one door, the change context the dispatcher binds to the
// caller and the method. It writes the audit entry, then the record, then sends the subject's
// event (declared in the contract); a handler holds only the stores' read side.
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { ServiceContext, Stores } from '../../electron/services/context';
import type { AppEvent } from '../../shared/contract/events';
import { parseEvent } from '../../shared/contract/events';
import { AUDITED_REQUEST as request } from '../helpers/requests';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { openAsStaff } from '../helpers/users';


/** Staff services on a new directory with the settings saved, and the events they send from then on. */
async function servicesWithEvents() {
  const services = await openAsStaff({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const events: AppEvent[] = [];
  const off = services.onEvent((e) => events.push(e));
  return { services, events, close: async () => (off(), await services.close()) };
}

describe('the change door (issue 13)', () => {
  it('each change is audited with the bound method and caller, then announced by a declared event naming only ids', async () => {
    const { services, events, close } = await servicesWithEvents();
    try {
      await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 1 });
      const view = await ok(services.dispatch, 'cases.register', request);
      await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: 1, to: 'dossier_collecting', on: '2026-11-03' });
      expect(events).toEqual([
        { type: 'settings.changed', payload: {} },
        { type: 'cases.changed', payload: { id: view.record.id } },
        { type: 'cases.changed', payload: { id: view.record.id } },
      ]);
      // Every event is one the contract declares, and carries nothing of the case.
      for (const e of events) expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
      expect(JSON.stringify(events)).not.toContain('Gudaitis');

      const [transition, registration] = await ok(services.dispatch, 'audit.list', {});
      expect(transition).toMatchObject({ method: 'cases.transition', subject: { kind: 'case', id: view.record.id }, actor: { username: 'admin' } });
      expect(registration).toMatchObject({ method: 'cases.register', subject: { kind: 'case', id: view.record.id } });
      // The timeline is stamped with who made each step.
      const after = await ok(services.dispatch, 'cases.get', { id: view.record.id });
      expect(after.record.timeline.map((t) => t.by)).toEqual([transition!.actor!.userId, transition!.actor!.userId]);
    } finally {
      await close();
    }
  });

  it('a refused change writes nothing and announces nothing', async () => {
    const { services, events, close } = await servicesWithEvents();
    try {
      const view = await ok(services.dispatch, 'cases.register', request);
      events.length = 0;
      const before = (await ok(services.dispatch, 'audit.list', {})).length;
      // V-77 p. 8: a case does not skip to the commission.
      await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: 1, to: 'ready_for_commission', on: '2026-11-03' });
      expect(events).toEqual([]);
      expect(await ok(services.dispatch, 'audit.list', {})).toHaveLength(before);
    } finally {
      await close();
    }
  });
});

// Checked by the type checker (npm test runs tsc): a handler's context has no write side.
export function handlersCannotWrite(ctx: ServiceContext, stores: Stores): void {
  // @ts-expect-error a case is written only inside Call.record
  ctx.cases.put(stores.cases.get('x'), 'caseStep');
  // @ts-expect-error the settings too
  ctx.settings.save(stores.settings.get()!);
  // @ts-expect-error and a user
  ctx.users.put(stores.users.byId('x')!);
  // @ts-expect-error and the meetings, the documents and the register
  ctx.meetings.put(stores.meetings.get('x'));
  // @ts-expect-error the audit trail is appended by the door alone
  ctx.audit.append({ actor: null, method: 'x', summary: '' });
  // @ts-expect-error there is no way around the door
  ctx.change();
}
