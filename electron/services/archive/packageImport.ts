import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CasePackageRecord, PackageInspection } from '../../../shared/contract/archiveSchemas';
import type { GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { CaseRecord, Settings } from '../../../shared/contract/schemas';
import { OWN_INSTITUTION_ID } from '../../../shared/contract/schemas';
import type { Role } from '../../../shared/contract/roles';
import { FINAL_STATES, registeredCase, type ChangeStamp } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';
import type { Call } from '../context';
import { otherOpenCase } from '../cases/caseChanges';
import type { ServiceContext } from '../context';
import type { PackageCheck } from './packageCheck';

/**
 * Importing a checked package (issue 15): a case back from the archive ('case', the archivist) or
 * a dossier another institution sent (V-77 p. 7, 'dossier', the secretary), as a new case here with
 * its documents on items 6.1–6.11. An existing case is never overwritten: a 'case' package for a
 * case that is here is refused unless the user asks for a new case. The documents are stored first
 * (streamed from the package, each hashed again on the way in); the case and its generated
 * documents are then written in one change through the door; if that fails, the contents stored
 * for it are removed again.
 */

export interface ImportContents {
  putStream(source: Readable, options?: { maxBytes?: number }): Promise<{ sha256: string; size: number; stored: boolean }>;
  remove(sha256: string): void;
}

/** What decides whether this user may import this package now. */
export function importDecision(ctx: Pick<ServiceContext, 'cases' | 'settings'>, check: PackageCheck, roles: readonly Role[]): Pick<PackageInspection, 'exists' | 'importable'> & { blocking: PackageInspection['problems'] } {
  const { record, inspection } = check;
  const blocking: PackageInspection['problems'] = [];
  if (!record) return { exists: false, importable: false, blocking };
  const exists = record.case !== undefined && ctx.cases.list().some((c) => c.id === record.case?.id);
  const allowed = record.kind === 'case' ? roles.includes('archivist') : roles.includes('secretary');
  if (!allowed) blocking.push({ code: 'ARCHIVE_KIND_NOT_YOURS', found: record.kind });
  // A case comes back from the archive closed: an open one would enter the places, the p. 12 list and the
  // running terms without the checks that guard them (an open case moves with a backup of the whole directory).
  if (record.case !== undefined && !FINAL_STATES.includes(record.case.state)) blocking.push({ code: 'ARCHIVE_CASE_OPEN', found: record.case.state });
  // One open case per convict (V-77 p. 19, as registration holds it): a dossier waits for the other case to end.
  const open = record.dossier ? otherOpenCase(ctx, record.dossier.convict.personalFileNo) : undefined;
  if (open) blocking.push({ code: 'ARCHIVE_CONVICT_HAS_CASE', found: open.id });
  if (record.kind === 'dossier') {
    const settings = ctx.settings.get();
    if (!settings?.institution.runsHalfwayHouse) blocking.push({ code: 'ARCHIVE_NO_HALFWAY_HOUSE' });
    else if (!senderOf(settings, record.institution.name)) blocking.push({ code: 'ARCHIVE_SENDER_UNKNOWN', found: record.institution.name });
  }
  const failed = inspection.signatures.some((s) => s.indication === 'FAILED');
  return { exists, importable: inspection.intact && !failed && blocking.length === 0, blocking };
}

/** The institution that sent a dossier, among this institution's others (matched by name). */
function senderOf(settings: Settings, name: string): { id: string; name: string } | undefined {
  const key = name.trim().toLocaleLowerCase('lt');
  const found = settings.otherInstitutions.find((o) => o.name.trim().toLocaleLowerCase('lt') === key);
  return found ? { id: found.id, name: found.name } : undefined;
}

/** Every distinct content the record names, with the bag's path it is read from. */
function contentsOf(record: CasePackageRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of record.dossierFiles) out.set(f.sha256, f.path);
  for (const g of record.generated) for (const f of g.files) out.set(f.sha256, f.path);
  for (const a of record.acts) out.set(a.sha256, a.path);
  return out;
}

export interface ImportResult {
  caseId: string;
  documents: number;
  asNewCase: boolean;
}

/** Write a checked, importable package. `check` must come from checkPackage on the same file, just now. */
export async function importCheckedPackage(
  ctx: Pick<ServiceContext, 'cases' | 'settings' | 'generated' | 'now'>,
  call: Call,
  check: PackageCheck,
  options: { asNewCase: boolean; contents: ImportContents },
): Promise<ImportResult> {
  const record = check.record;
  if (!record) throw new DomainError('ARCHIVE_NOT_IMPORTABLE', { sha256: check.inspection.sha256 });
  const at = ctx.now().toISOString();
  const stamp: ChangeStamp = { at, ...(call.user ? { by: call.user.id } : {}) };
  const note = `Importuota iš paketo ${check.inspection.fileName} (SHA-256 ${check.inspection.sha256}; ${record.institution.name}, eksportuota ${record.exportedAt})`;

  // Stored first, hashed again on the way in: what is written is what was checked.
  const written: string[] = [];
  try {
    for (const [sha256, path] of contentsOf(record)) {
      const stored = await options.contents.putStream(check.bag.stream(path));
      if (stored.stored) written.push(stored.sha256);
      if (stored.sha256 !== sha256) throw new DomainError('ARCHIVE_CONTENT_CHANGED', { path });
    }
    const { caseRecord, generated } = recordsOf(ctx, record, options.asNewCase, stamp, note);
    call.record({ kind: 'case', id: caseRecord.id }, undefined, caseRecord, `Importuota byla iš paketo ${check.inspection.sha256}${options.asNewCase ? ' kaip nauja byla' : ''}`, (stores) => {
      for (const doc of generated) stores.generated.put(doc);
      stores.cases.put(caseRecord, 'importedCase');
    });
    return { caseId: caseRecord.id, documents: contentsOf(record).size, asNewCase: options.asNewCase || record.kind === 'dossier' };
  } catch (e) {
    for (const sha of written) options.contents.remove(sha);
    throw e;
  }
}

/** The case and generated documents as this data directory will hold them. */
function recordsOf(
  ctx: Pick<ServiceContext, 'cases' | 'settings' | 'generated'>,
  record: CasePackageRecord,
  asNewCase: boolean,
  stamp: ChangeStamp,
  note: string,
): { caseRecord: CaseRecord; generated: GeneratedDocument[] } {
  const imported = { at: stamp.at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'imported' as const, note };
  if (record.kind === 'dossier' && record.dossier) {
    // V-77 p. 7–8: the dossier reached this institution, whose commission decides; the secretary marks it received.
    const settings = ctx.settings.get();
    const sender = settings ? senderOf(settings, record.institution.name) : undefined;
    if (!settings || !sender) throw new DomainError('ARCHIVE_NOT_IMPORTABLE', { sha256: '' });
    const d = record.dossier;
    const base = registeredCase(
      {
        id: randomUUID(),
        revision: 1,
        createdAt: stamp.at,
        updatedAt: stamp.at,
        convict: d.convict,
        request: { ...d.request, servingInstitution: sender, halfwayHouse: { id: OWN_INSTITUTION_ID, name: settings.institution.halfwayHouseName } },
        facts: {},
        dossier: d.dossier,
      },
      d.request.requestDate,
      stamp,
    );
    return { caseRecord: { ...base, timeline: [...base.timeline, imported] }, generated: [] };
  }
  const original = record.case as CaseRecord;
  if (!asNewCase && ctx.cases.list().some((c) => c.id === original.id)) throw new DomainError('ARCHIVE_CASE_EXISTS', { caseId: original.id });
  const caseId = asNewCase ? randomUUID() : original.id;
  const known = new Set(ctx.generated.list().map((g) => g.id));
  const ids = new Map(record.generated.map((g) => [g.document.id, asNewCase || known.has(g.document.id) ? randomUUID() : g.document.id]));
  const mapId = (id: string | undefined) => (id === undefined ? undefined : (ids.get(id) ?? id));
  const generated = record.generated.map(({ document }) => {
    const replaces = mapId(document.replaces);
    const replacedBy = mapId(document.replacedBy);
    return {
      ...document,
      id: ids.get(document.id) as string,
      // This case only: a document of several cases (the minutes) is not attached to the others here.
      caseIds: [caseId],
      ...(replaces !== undefined ? { replaces } : {}),
      ...(replacedBy !== undefined ? { replacedBy } : {}),
      ...(document.cites ? { cites: document.cites.map((c) => mapId(c) as string) } : {}),
    };
  });
  const timeline = original.timeline.map((e) => (e.documentId !== undefined ? { ...e, documentId: mapId(e.documentId) as string } : e));
  return {
    caseRecord: { ...original, id: caseId, revision: original.revision + 1, updatedAt: stamp.at, timeline: [...timeline, imported] },
    generated,
  };
}
