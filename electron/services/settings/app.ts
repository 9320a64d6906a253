import { settingsChanges, type SavedSettings, type Settings } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext, ServiceHandlers } from '../context';

/** How many versions of the settings are kept in memory to tell a stale save what changed since. */
const VERSIONS_KEPT = 50;

/** Issue 13: the settings were saved since the version `settings.save` was based on. */
function staleSettings(revision: number, changed: string[]): DomainError {
  return new DomainError('STALE_REVISION', { kind: 'settings', revision, changed });
}

function withoutRevision({ revision: _revision, ...values }: SavedSettings): Settings {
  return values;
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
    'settings.save': async ({ revision, ...values }, caller) => {
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
      const summary = before === 'damaged' ? 'Nustatymai įvesti iš naujo vietoj sugadintų' : 'Pakeisti įstaigos nustatymai';
      // The trail digests the values: the revision only counts the changes the trail itself numbers.
      caller.record({ kind: 'settings' }, before === 'damaged' ? before : before ? withoutRevision(before) : undefined, saved, summary, (stores) => stores.settings.save(next));
      remember(next);
      return next;
    },
  };
}
