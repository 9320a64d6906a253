// Issue 15, V-77 p. 7: for a request to another institution's halfway house the secretary sends the
// dossier as a package; the sending is recorded on the case (date, recipient, package digest); the
// receiving institution's app imports it as a new case with its documents on items 6.1–6.11.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { openServices } from '../../../electron/services/index';
import type { Dispatch } from '../../../shared/contract/dispatch';
import { ok, refused, tempDataDir } from '../../helpers/dataDir';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../../helpers/dossier';

const TODAY = '2026-11-23';
const PASSWORD = 'Slaptazodis-2026';

/** A fresh institution with an administrator and a secretary; `settings` as given. */
async function institution(dataDir: string, exportDir: string, settings: typeof DEMO_SETTINGS) {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, exportDir });
  const { session: admin } = await ok(services.dispatch, 'auth.createAdministrator', { username: 'admin', displayName: 'Administratorė', password: PASSWORD });
  const as = (session: string): Dispatch => (m, i) => services.dispatch(m, i, session);
  await ok(as(admin), 'settings.save', { ...settings, revision: 0 });
  await ok(as(admin), 'users.create', { username: 'sekretore', displayName: 'Aušra Vilkienė', roles: ['secretary'], password: PASSWORD });
  const first = await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: PASSWORD });
  await ok(as(first.session), 'auth.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` });
  const { session } = await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: `${PASSWORD}-2` });
  return { services, secretary: as(session), admin: as(admin) };
}

describe('the dossier sent to another institution (V-77 p. 7, issue 15)', () => {
  it('is exported, recorded on the case with its digest, and imported there as a new case on items 6.1–6.11', async () => {
    const senderExports = mkdtempSync(join(tmpdir(), 'siuntejas-'));
    const sender = await institution(tempDataDir(), senderExports, DEMO_SETTINGS);
    // The receiving institution runs the halfway house the convict asked for, and knows the sender.
    const receiver = await institution(tempDataDir(), mkdtempSync(join(tmpdir(), 'gavejas-')), {
      ...DEMO_SETTINGS,
      institution: { name: 'Panevėžio pataisos namai', runsHalfwayHouse: true, halfwayHouseName: 'Panevėžio pataisos namų pusiaukelės namai', places: 10 },
      otherInstitutions: [{ id: 'pravieniskes', name: DEMO_SETTINGS.institution.name, halfwayHouseName: DEMO_SETTINGS.institution.halfwayHouseName }],
    });
    try {
      // Our convict asks for Panevėžys' halfway house: route 'sends'.
      let view = await ok(sender.secretary, 'cases.register', { ...DOSSIER_CASE_REQUEST, servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' });
      view = await ok(sender.secretary, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: '2026-11-03' });
      // The material of p. 6 is what p. 7 sends: an incomplete dossier is not sent.
      const incomplete = await refused(sender.secretary, 'archive.sendDossier', { caseId: view.record.id, revision: view.record.revision, on: '2026-11-20', personalData: true });
      expect(incomplete.code).toBe('DOSSIER_INCOMPLETE');
      view = await loadCompleteDossier(sender.secretary, view);
      expect(view.route).toBe('sends');
      // A sending dated tomorrow is refused before any package is written, and the trail records no export.
      const trailBefore = (await ok(sender.admin, 'audit.list', {})).length;
      const tomorrow = await refused(sender.secretary, 'archive.sendDossier', { caseId: view.record.id, revision: view.record.revision, on: '2026-11-24', personalData: true });
      expect(tomorrow.code).toBe('INVALID_INPUT');
      expect(readdirSync(senderExports)).toEqual([]);
      expect((await ok(sender.admin, 'audit.list', {})).length).toBe(trailBefore);

      const sent = await ok(sender.secretary, 'archive.sendDossier', { caseId: view.record.id, revision: view.record.revision, on: '2026-11-20', personalData: true });
      expect(sent.case.record.state).toBe('dossier_sent');
      expect(sent.case.record.facts.dossierSent).toMatchObject({ on: '2026-11-20', to: 'Panevėžio pataisos namų pusiaukelės namai', package: { sha256: sent.package.sha256 } });
      expect(sent.package.path.startsWith(senderExports)).toBe(true);
      // The dossier package holds the items only: no evaluation, decision or audit trail of ours.
      const bytes = readFileSync(sent.package.path);
      expect(bytes.includes(Buffer.from('data/audit/'))).toBe(false);

      // Sent once: the case cannot be sent again.
      const twice = await refused(sender.secretary, 'archive.sendDossier', { caseId: view.record.id, revision: sent.case.record.revision, on: '2026-11-21', personalData: true });
      expect(twice.code).toBe('ARCHIVE_NOT_SENDABLE');

      const inspection = await ok(receiver.secretary, 'archive.stagePackage', { name: sent.package.name, bytes });
      expect(inspection).toMatchObject({ intact: true, kind: 'dossier', importable: true, exists: false, auditProof: 'absent' });
      expect(inspection.convict).toEqual({ firstName: 'Žydrūnas', lastName: 'Čepulis', personalFileNo: 'A-1001' });
      const imported = await ok(receiver.secretary, 'archive.importPackage', { stageId: inspection.stageId, asNewCase: false });
      const there = await ok(receiver.secretary, 'cases.get', { id: imported.caseId });
      expect(there.record.request.servingInstitution).toEqual({ id: 'pravieniskes', name: DEMO_SETTINGS.institution.name });
      expect(there.record.request.halfwayHouse.id).toBe('own');
      // Route 'other' there: their commission decides 10.3/10.4 (V-77 p. 10).
      expect(there.route).toBe('other');
      const sentItems = Object.entries(view.record.dossier?.items ?? {}).filter(([, i]) => i.documents.length > 0).map(([id]) => id);
      const receivedItems = Object.entries(there.record.dossier?.items ?? {}).filter(([, i]) => i.documents.length > 0).map(([id]) => id);
      expect(receivedItems).toEqual(sentItems);
      const [item] = sentItems;
      const original = view.record.dossier!.items[item as '6.1']!.documents[0]!;
      const copy = there.record.dossier!.items[item as '6.1']!.documents[0]!;
      const a = await ok(sender.secretary, 'dossier.readDocument', { caseId: view.record.id, documentId: original.id });
      const b = await ok(receiver.secretary, 'dossier.readDocument', { caseId: imported.caseId, documentId: copy.id });
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    } finally {
      await sender.services.close();
      await receiver.services.close();
    }
  }, 180_000);
});
