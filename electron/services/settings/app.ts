import { settingsChanges, type SavedSettings, type Settings } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import { checkModulePath } from '../signing/pkcs11ModulePath';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../users/app';
import { verifyPassword } from '../users/passwords';

/** How many versions of the settings are kept in memory to tell a stale save what changed since. */
const VERSIONS_KEPT = 50;

/** Issue 13: the settings were saved since the version `settings.save` was based on. */
function staleSettings(revision: number, changed: string[]): DomainError {
  return new DomainError('STALE_REVISION', { kind: 'settings', revision, changed });
}

function withoutRevision({ revision: _revision, ...values }: SavedSettings): Settings {
  return values;
}

/** The password field beside the card module's path, where the settings form shows these refusals. */
const MODULE_PASSWORD_FIELD = 'modulePassword';

/**
 * Issue 16: the card module is native code the app loads for signing, so changing it asks the user
 * (an administrator) for their password again, checked with the users' hashing. A wrong one counts
 * where the session's own wrong passwords count (unlocking the screen, changing the password:
 * users/app.ts), before the slow check so that guesses sent at once cannot outrun it; the
 * MAX_FAILED_ATTEMPTS-th in a row signs the user out everywhere and locks the account's sign-in for
 * LOCKOUT_MINUTES.
 */
async function confirmPassword(ctx: ServiceContext, caller: Call, password: string | undefined): Promise<void> {
  if (password === undefined || password === '') {
    throw new DomainError('MODULE_PASSWORD_REQUIRED', { fields: [{ path: MODULE_PASSWORD_FIELD, key: 'settings.signing.modulePasswordRequired' }] });
  }
  const id = caller.user!.id;
  const before = ctx.users.byId(id)!;
  const place = ctx.sessions.attempts.of(`session:${caller.session!}`);
  const wrong = (attemptsLeft: number) =>
    new DomainError('MODULE_PASSWORD_WRONG', { attemptsLeft, fields: [{ path: MODULE_PASSWORD_FIELD, key: 'settings.signing.modulePasswordWrong' }] });
  if (place.failed + place.inFlight >= MAX_FAILED_ATTEMPTS) throw wrong(0);
  place.inFlight++;
  let matches: boolean;
  try {
    matches = await verifyPassword(password, before.passwordHash);
  } finally {
    place.inFlight--;
  }
  // A password set anew (or the account switched off) while this one was checked: it is no longer the one.
  const after = ctx.users.byId(id);
  if (matches && after?.passwordHash === before.passwordHash && after.active) {
    place.failed = 0;
    return;
  }
  place.failed++;
  const attemptsLeft = Math.max(0, MAX_FAILED_ATTEMPTS - place.failed);
  if (attemptsLeft === 0) {
    // Someone is guessing at this session: the account's sign-in is locked and the user signed out.
    const account = ctx.sessions.attempts.of(`account:${id}`, { failed: before.failedAttempts });
    account.failed = 0;
    account.lockedUntil = ctx.now().getTime() + LOCKOUT_MINUTES * 60_000;
    ctx.sessions.endAllOf(id);
  }
  throw wrong(attemptsLeft);
}

/** The audit summary's words for a changed card module (paths are no personal data). */
function moduleChangeText(from: string | null, to: string): string {
  const name = (path: string | null) => (path === null ? 'nežinoma (sugadinti nustatymai)' : path === '' ? 'nenurodyta' : `„${path}“`);
  return `kortelės tvarkyklė (PKCS#11 modulis) pakeista: ${name(from)} → ${name(to)}`;
}

export function settingsHandlers(ctx: ServiceContext): Pick<ServiceHandlers, 'settings.get' | 'settings.save'> {
  /**
   * The versions a window may have loaded: the one read first and each one saved since. Only this
   * process writes the data directory (its lock), and no session outlives it, so the version a stale
   * save was based on is here unless more than VERSIONS_KEPT saves followed it.
   */
  const versions = new Map<number, SavedSettings>();
  let highest = 0;
  const remember = (version: SavedSettings) => {
    if (!versions.has(version.revision)) versions.set(version.revision, version);
    if (versions.size > VERSIONS_KEPT) versions.delete(versions.keys().next().value!);
    highest = Math.max(highest, version.revision);
  };
  const read = (): SavedSettings | null => {
    const current = ctx.settings.get();
    if (current) remember(current);
    return current;
  };

  return {
    'settings.get': async () => read(),
    'settings.save': async ({ revision, modulePassword, ...values }, caller) => {
      // Issue 16: a changed card module must be a file only the system's administrator could have
      // put there, and needs the user's password again. The path is checked before the password, so
      // that a path refused anyway spends no attempt. Both come before the revision is checked and
      // the settings written below, with no wait in between: a save that lands while the password is
      // checked moves the revision on, and this one is then refused as stale.
      let stored: SavedSettings | null | 'damaged';
      try {
        stored = ctx.settings.get();
      } catch {
        stored = 'damaged';
      }
      const moduleBefore = stored === 'damaged' ? null : (stored?.signing?.pkcs11Module ?? '');
      const moduleAfter = values.signing?.pkcs11Module ?? '';
      const moduleChanged = moduleBefore === null ? moduleAfter !== '' : moduleAfter !== moduleBefore;
      // A stale save is refused below as it is, before any password is asked for.
      const stale = stored !== 'damaged' && (stored?.revision ?? 0) !== revision;
      if (moduleChanged && !stale) {
        if (moduleAfter !== '') checkModulePath(moduleAfter);
        await confirmPassword(ctx, caller, modulePassword);
      }
      let before: SavedSettings | null | 'damaged';
      try {
        before = read();
      } catch {
        before = 'damaged'; // the damaged file is kept aside by the store; the trail says so
      }
      // A damaged file is entered again whatever the form was based on (nobody could load it).
      if (before !== 'damaged' && (before?.revision ?? 0) !== revision) {
        // 0: the form started from no settings at all. A version no longer kept: what differs from the form.
        const base = versions.get(revision) ?? (revision === 0 ? null : values);
        throw staleSettings(before?.revision ?? 0, settingsChanges(base, before));
      }
      // Issue 14: the dated capacity history is changed only by places.changeCapacity; a save of the
      // form keeps it as stored, whatever the form sent (e.g. with the halfway house switched off).
      const kept = before !== 'damaged' && before?.institution.capacityChanges !== undefined ? before.institution.capacityChanges : undefined;
      const { capacityChanges: _sent, ...institution } = values.institution;
      const saved: Settings = { ...values, institution: kept !== undefined ? { ...institution, capacityChanges: kept } : institution };
      const next: SavedSettings = { ...saved, revision: (before === 'damaged' ? Math.max(revision, highest) : revision) + 1 };
      const summary = [
        before === 'damaged' ? 'Nustatymai įvesti iš naujo vietoj sugadintų' : 'Pakeisti įstaigos nustatymai',
        ...(moduleChanged ? [moduleChangeText(moduleBefore, moduleAfter)] : []),
      ].join('; ');
      // The trail digests the values: the revision only counts the changes the trail itself numbers.
      caller.record({ kind: 'settings' }, before === 'damaged' ? before : before ? withoutRevision(before) : undefined, saved, summary, (stores) => stores.settings.save(next));
      remember(next);
      return next;
    },
  };
}
