import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { AUDITED_REQUEST as request } from '../helpers/requests';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { as, openAsStaff, signedIn } from '../helpers/users';

describe('the audit trail records every change to a case, a user or the settings (users-and-roles issue)', () => {
  it('who, when, which method and what changed, filterable by case, user and date; the chain verifies', async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false });
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    const secretary = await signedIn(services, services.session, 'sekretore', ['secretary']);
    const view = await ok(as(services, secretary), 'cases.register', request);
    await ok(as(services, secretary), 'cases.transition', { id: view.record.id, revision: 1, to: 'dossier_collecting', on: '2026-11-03' });

    const all = await ok(services.dispatch, 'audit.list', {});
    // Newest first: the transition, the registration, the secretary's password change, her creation,
    // the settings, the staff member's roles, the first administrator.
    expect(all.map((e) => e.method)).toEqual([
      'cases.transition',
      'cases.register',
      'auth.changePassword',
      'users.create',
      'settings.save',
      'users.update',
      'auth.createAdministrator',
    ]);
    const [transition, registration] = all;
    expect(transition).toMatchObject({ actor: { username: 'sekretore' }, subject: { kind: 'case', id: view.record.id } });
    expect(transition!.before).toBe(registration!.after); // the digest chain of the record itself
    expect(transition!.summary).toBe('Būsena „Prašymas gautas“ → „Renkama medžiaga“');
    expect(registration!.before).toBeUndefined();
    expect(JSON.stringify(all)).not.toContain('Gudaitis'); // no personal data in the trail's text

    expect((await ok(services.dispatch, 'audit.list', { subjectId: view.record.id })).map((e) => e.method)).toEqual(['cases.transition', 'cases.register']);
    const secretaryId = transition!.actor!.userId;
    expect(await ok(services.dispatch, 'audit.list', { userId: secretaryId })).toHaveLength(3);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ok(services.dispatch, 'audit.list', { from: today, to: today })).toHaveLength(7);
    expect(await ok(services.dispatch, 'audit.list', { to: '2020-01-01' })).toHaveLength(0);
    expect(await ok(services.dispatch, 'audit.verify', {})).toEqual({ ok: true, count: 7 });

    // Only administrators read it.
    expect((await refused(as(services, secretary), 'audit.list', {})).code).toBe('FORBIDDEN');
    await services.close();
  });
});
