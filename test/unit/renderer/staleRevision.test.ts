// Issue 13: what a refused stale save says changed, and how the typed values move onto the latest version.
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { settingsChanges } from '../../../shared/contract/schemas';
import { userChanges, type UserView } from '../../../shared/contract/users';
import { translate } from '../../../renderer/i18n/translate';
import { settingsChangeLabels } from '../../../renderer/settings/staleSettings';
import { rebase, userChangeLabels } from '../../../renderer/users/staleRevision';

const lt = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('lt', key, params);

describe('what changed between two versions', () => {
  it('names the settings fields by path; a list is one field; the revision is none; a missing section compares as empty', () => {
    const before = { ...DEMO_SETTINGS, revision: 4 };
    const after = {
      ...DEMO_SETTINGS,
      revision: 5,
      institution: { ...DEMO_SETTINGS.institution, places: DEMO_SETTINGS.institution.places + 1 },
      otherInstitutions: DEMO_SETTINGS.otherInstitutions.slice(1),
      security: { idleMinutes: 30 },
    };
    expect(settingsChanges(before, after)).toEqual(['institution.places', 'otherInstitutions', 'security.idleMinutes']);
    expect(settingsChanges(after, after)).toEqual([]);
    expect(settingsChanges(null, { ...DEMO_SETTINGS, register: undefined, signing: undefined, documents: undefined, security: undefined })).toEqual([
      'institution.halfwayHouseName',
      'institution.name',
      'institution.places',
      'institution.runsHalfwayHouse',
      'otherInstitutions',
    ]);
  });

  it('names the settings fields as the form labels them, and the default idle time written for the first time is no change', () => {
    const base = { ...DEMO_SETTINGS, security: undefined };
    const latest = { ...base, institution: { ...base.institution, name: 'Kitas pavadinimas' }, security: { idleMinutes: 10 }, documents: { maxMegabytes: 20 } };
    expect(settingsChangeLabels(base, latest, lt)).toEqual(['Įstaigos pavadinimas', 'Didžiausias dokumento dydis']);
    expect(settingsChangeLabels(base, { ...base, security: { idleMinutes: 11 } }, (k) => translate('en', k))).toEqual(['Lock after idle (min)']);
  });

  it('names the user fields; a password reset is the password', () => {
    const user = { displayName: 'Rasa', roles: ['secretary', 'member'], active: true, mustChangePassword: false, passwordHash: 'a' };
    expect(userChanges(user, { ...user, roles: ['member', 'secretary'] })).toEqual([]);
    expect(userChanges(user, { ...user, displayName: 'Rasa R.', passwordHash: 'b', mustChangePassword: true })).toEqual(['displayName', 'password', 'mustChangePassword']);
    const view: UserView = { id: 'u', username: 'rasa', displayName: 'Rasa', roles: ['secretary'], active: true, mustChangePassword: false, createdAt: '', revision: 2 };
    expect(userChangeLabels(view, { ...view, revision: 3, active: false, mustChangePassword: true }, lt)).toEqual(['Paskyra aktyvi', 'Slaptažodis']);
  });
});

describe('moving the typed values onto the latest version', () => {
  it('keeps what only this user changed, takes what the other changed, and the other\'s value where both did', () => {
    const base = { name: 'A', places: '20', idle: '10', others: ['x'] };
    const mine = { name: 'A', places: '33', idle: '15', others: ['x'] };
    const latest = { name: 'B', places: '20', idle: '12', others: ['x', 'y'] };
    expect(rebase(mine, base, latest)).toEqual({ name: 'B', places: '33', idle: '12', others: ['x', 'y'] });
  });
});
