import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ok, tempDataDir } from '../helpers/dataDir';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 14: the halfway house's dated capacity (V-77 p. 4) is changed only by places.changeCapacity.
 * A save of the settings form keeps it as stored, whatever the form sends: switching the halfway
 * house off and on again, or a form that never loaded it, loses no dated change.
 */
describe('the capacity history survives the settings form (V-77 p. 4)', () => {
  it('V-77 p. 4: settings.save keeps the dated changes, even when the form sends none or the halfway house is switched off', async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false });
    try {
      await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
      await ok(services.dispatch, 'places.changeCapacity', { revision: 1, from: '2026-11-20', places: 20, note: 'Remontas' });
      const stored = await ok(services.dispatch, 'settings.get', {});
      const history = stored!.institution.capacityChanges;
      expect(history).toEqual([{ from: '2026-11-20', places: 20, note: 'Remontas' }]);
      // A form without the history, then one with the halfway house switched off.
      const { capacityChanges: _dropped, ...withoutHistory } = stored!.institution;
      let saved = await ok(services.dispatch, 'settings.save', { ...stored!, institution: withoutHistory });
      expect(saved.institution.capacityChanges).toEqual(history);
      saved = await ok(services.dispatch, 'settings.save', { ...saved, institution: { ...saved.institution, runsHalfwayHouse: false, capacityChanges: [] } });
      expect(saved.institution.capacityChanges).toEqual(history);
      saved = await ok(services.dispatch, 'settings.save', { ...saved, institution: { ...saved.institution, runsHalfwayHouse: true } });
      expect((await ok(services.dispatch, 'places.get', {})).capacityChanges).toEqual(history);
      expect((await ok(services.dispatch, 'places.get', {})).capacity).toBe(20);
    } finally {
      await services.close();
    }
  });
});
