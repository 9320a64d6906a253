import { randomUUID } from 'node:crypto';
import { FACTS_SCHEMAS } from '../../../shared/contract/dossierSchemas';
import type { Caller } from '../../../shared/contract/methods';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { compareIso } from '../../../shared/domain/calendar';
import { DOSSIER_EDITABLE_STATES, DOSSIER_EXTENDABLE_STATES, type CaseState, type ChangeStamp } from '../../../shared/domain/caseStates';
import { currentVersion, factsIssues, proposeItem, type DossierDocument, type DossierItemRecord, type DossierItems, type ItemFacts } from '../../../shared/domain/dossier';
import type { DossierItemId } from '../../../shared/domain/dossierItems';
import { DomainError, fieldError, fieldsError } from '../../../shared/domain/errors';
import { caseChanges, stampOf } from '../cases/caseChanges';
import type { ServiceContext, ServiceHandlers, Stores } from '../context';
import { sha256Hex } from '../store/documentStore';
import { checkDocument } from './fileCheck';
import type { StagedDocument } from './staging';
import { advanceIfComplete, isDossierComplete } from '../cases/readiness';
import { dossierItemsOf } from '../cases/dossierViews';
import { expectsReceivedAct } from '../cases/afterDecision';

type DossierHandlers = Pick<
  ServiceHandlers,
  'dossier.stage' | 'dossier.discard' | 'dossier.attach' | 'dossier.saveItem' | 'dossier.removeDocument' | 'dossier.extendTerm' | 'dossier.readDocument'
>;

/** States that promise a complete dossier (V-77 p. 8–9): no change may make it incomplete there. */
const COMPLETE_STATES: readonly CaseState[] = ['ready_for_commission', 'scheduled'];

function assertEditable(record: CaseRecord): void {
  if (DOSSIER_EDITABLE_STATES.includes(record.state)) return;
  throw new DomainError('DOSSIER_LOCKED', { state: record.state });
}

function sessionOf(caller: Caller): string {
  // The guard admits only signed-in callers to these methods, so a session is always there.
  return caller.session ?? '';
}

/** Where a document of this content is already attached on the case. */
function placesOf(items: DossierItems, sha256: string) {
  const found: { item: DossierItemId; documentId: string; name: string }[] = [];
  for (const [item, record] of Object.entries(items) as [DossierItemId, DossierItemRecord][]) {
    for (const d of record.documents) {
      const current = currentVersion(d);
      if (current.sha256 === sha256) found.push({ item, documentId: d.id, name: current.name });
    }
  }
  return found;
}

function findDocument(items: DossierItems, documentId: string): { item: DossierItemId; document: DossierDocument } | undefined {
  for (const [item, record] of Object.entries(items) as [DossierItemId, DossierItemRecord][]) {
    const document = record.documents.find((d) => d.id === documentId);
    if (document) return { item, document };
  }
  return undefined;
}

export function dossierHandlers(ctx: ServiceContext): DossierHandlers {
  const { view, forEdit, save } = caseChanges(ctx);

  /**
   * The case after a change of its dossier: a received dossier that is now complete goes to the
   * commission (V-77 p. 8); a case already promised to the commission may not lose completeness.
   */
  const settle = (before: CaseRecord, after: CaseRecord, stamp: ChangeStamp): CaseRecord => {
    // A case that reached the commission before dossiers were kept (or whose dossier has lapsed
    // since, e.g. an identity document expired) may be completed; only a complete one is held to it.
    const wasComplete = isDossierComplete(before, ctx.today());
    if (COMPLETE_STATES.includes(after.state) && wasComplete && !isDossierComplete(after, ctx.today())) {
      throw new DomainError('DOSSIER_WOULD_BE_INCOMPLETE', { state: after.state });
    }
    return advanceIfComplete(after, ctx.today(), stamp);
  };

  return {
    'dossier.stage': async ({ caseId, name, bytes }, caller) => {
      const record = ctx.cases.get(caseId);
      // Issue 14: a document received from elsewhere (V-77 p. 8, 17, 18, 47, 51) is staged the same way for a closed dossier.
      if (!expectsReceivedAct(record)) assertEditable(record);
      const kind = checkDocument(name, bytes, ctx.maxDocumentBytes());
      const sha256 = sha256Hex(bytes);
      const staged = ctx.staging.add({ owner: sessionOf(caller), caseId, name, kind, sha256, bytes });
      return {
        stagedId: staged.id,
        name,
        kind,
        size: bytes.length,
        sha256,
        proposedItem: proposeItem(name),
        alreadyAttached: placesOf(dossierItemsOf(record), sha256),
      };
    },

    'dossier.discard': async ({ stagedIds }, caller) => {
      ctx.staging.discard(sessionOf(caller), stagedIds);
      return {};
    },

    'dossier.attach': async ({ caseId, revision, files }, caller) => {
      const record = forEdit(caseId, revision);
      assertEditable(record);
      const staged = ctx.staging.get(sessionOf(caller), caseId, files.map((f) => f.stagedId));
      const at = ctx.now().toISOString();
      const today = ctx.today();
      const addedBy = caller.user?.displayName ?? caller.user?.username ?? '';
      const items: DossierItems = structuredClone(dossierItemsOf(record));
      const added: { item: DossierItemId; text: string }[] = [];
      files.forEach((file, i) => {
        const s = staged[i]!;
        const item = (items[file.item] ??= { documents: [] });
        const version = { sha256: s.sha256, name: s.name, kind: s.kind, size: s.bytes.length, addedAt: at, addedBy };
        const replaced = file.replaces === undefined ? undefined : item.documents.find((d) => d.id === file.replaces);
        if (file.replaces !== undefined) {
          if (!replaced) {
            throw new DomainError('DOCUMENT_NOT_FOUND', { documentId: file.replaces, replacingIn: file.item });
          }
          if (!file.note) {
            throw fieldError('note', 'required', { why: 'versionNote', file: s.name });
          }
          if (currentVersion(replaced).sha256 === s.sha256) {
            throw new DomainError('DOCUMENT_SAME_CONTENT', { file: s.name });
          }
        }
        // The same content once per item: as a new document or as another document's new version.
        const same = item.documents.find((d) => d !== replaced && currentVersion(d).sha256 === s.sha256);
        if (same) {
          throw new DomainError('DOCUMENT_ALREADY_ATTACHED', { file: s.name, item: file.item, attachedAs: currentVersion(same).name });
        }
        if (replaced) {
          replaced.versions.push({ ...version, note: file.note });
          added.push({ item: file.item, text: `${s.name} (${file.note})` });
        } else {
          item.documents.push({ id: randomUUID(), versions: [version] });
          added.push({ item: file.item, text: s.name });
        }
        item.receivedOn ??= today; // V-77 p. 7: the item has arrived; the secretary can correct the date
      });
      const changed: CaseRecord = {
        ...record,
        dossier: { items },
        revision: record.revision + 1,
        updatedAt: at,
        timeline: [
          ...record.timeline,
          ...uniqueItems(added.map((a) => a.item)).map((item) => ({ at, kind: 'dossier' as const, item, note: added.filter((a) => a.item === item).map((a) => a.text).join('; ') })),
        ],
      };
      const next = settle(record, changed, stampOf(caller, at));
      save(next, 'dossier', caller, { before: record, summary: `Pridėti dokumentai: ${uniqueItems(added.map((a) => a.item)).map((item) => `${item} (${added.filter((a) => a.item === item).length})`).join('; ')}` }, (put, stores) => storeWith(stores, staged, put));
      ctx.staging.discard(sessionOf(caller), files.map((f) => f.stagedId));
      return view(next);
    },

    'dossier.saveItem': async ({ caseId, revision, item, receivedOn, facts }, caller) => {
      const record = forEdit(caseId, revision);
      assertEditable(record);
      const items: DossierItems = structuredClone(dossierItemsOf(record));
      const current: DossierItemRecord = items[item] ?? { documents: [] };
      const next: DossierItemRecord = { ...current };
      const today = ctx.today();
      if (receivedOn !== undefined && receivedOn !== current.receivedOn) {
        if (current.documents.length === 0) {
          throw fieldError('receivedOn', 'invalid', { why: 'attachFirst', item });
        }
        if (compareIso(receivedOn, today) > 0) throw fieldError('receivedOn', 'dateInFuture', { why: 'receivedInFuture' });
        if (compareIso(receivedOn, record.request.requestDate) < 0) {
          throw fieldError('receivedOn', 'receivedBeforeRequest', { why: 'receivedBeforeRequest', requestDate: record.request.requestDate });
        }
        next.receivedOn = receivedOn;
      }
      if (facts !== undefined) {
        const parsed = FACTS_SCHEMAS[item].parse(facts) as ItemFacts;
        const issues = factsIssues(item, parsed as never, items, today);
        if (issues.length > 0) {
          throw fieldsError(issues.map((i) => ({ path: `facts.${i.path}`, key: i.key })), { why: 'factsDates' });
        }
        next.facts = parsed;
      }
      if (JSON.stringify(next) === JSON.stringify(current)) return view(record);
      items[item] = next;
      const at = ctx.now().toISOString();
      const changed = settle(record, { ...record, dossier: { items }, revision: record.revision + 1, updatedAt: at }, stampOf(caller, at));
      const what = [facts !== undefined ? 'duomenys' : '', next.receivedOn !== current.receivedOn ? `gavimo data ${next.receivedOn}` : ''].filter(Boolean).join(', ');
      return view(save(changed, 'dossier', caller, { before: record, summary: `${item} punktas: ${what}` }));
    },

    'dossier.removeDocument': async ({ caseId, revision, documentId, reason }, caller) => {
      const record = forEdit(caseId, revision);
      assertEditable(record);
      const items: DossierItems = structuredClone(dossierItemsOf(record));
      const found = findDocument(items, documentId);
      if (!found) throw new DomainError('DOCUMENT_NOT_FOUND', { documentId });
      const item = items[found.item]!;
      item.documents = item.documents.filter((d) => d.id !== documentId);
      // An item without documents is waiting again; its facts stay for when the right one comes.
      if (item.documents.length === 0) delete item.receivedOn;
      const name = currentVersion(found.document).name;
      const at = ctx.now().toISOString();
      const changed = settle(
        record,
        {
          ...record,
          dossier: { items },
          revision: record.revision + 1,
          updatedAt: at,
          timeline: [...record.timeline, { at, kind: 'removed', item: found.item, note: `${name}: ${reason}` }],
        },
        stampOf(caller, at),
      );
      // The content itself is removed from the disk by the next check of the data directory, once
      // no case refers to it (DocumentStore.sweep).
      return view(save(changed, 'dossier', caller, { before: record, summary: `${found.item} punktas: pašalintas dokumentas ${documentId}` }));
    },

    'dossier.extendTerm': async ({ caseId, revision, days, reason }, caller) => {
      const record = forEdit(caseId, revision);
      if (!DOSSIER_EXTENDABLE_STATES.includes(record.state)) {
        throw new DomainError('EXTENSION_CLOSED', { state: record.state });
      }
      const at = ctx.now().toISOString();
      const changed: CaseRecord = {
        ...record,
        facts: { ...record.facts, dossierExtensionDays: days, dossierExtensionReason: reason },
        revision: record.revision + 1,
        updatedAt: at,
        timeline: [...record.timeline, { at, kind: 'extended', on: ctx.today(), days, note: reason }],
      };
      return view(save(changed, 'extension', caller, { before: record, summary: `V-77 7 p. terminas pratęstas ${days} d. d.` }));
    },

    'dossier.readDocument': async ({ caseId, documentId, version }) => {
      const record = ctx.cases.get(caseId);
      const found = findDocument(dossierItemsOf(record), documentId);
      const v = found && (version === undefined ? currentVersion(found.document) : found.document.versions[version - 1]);
      if (!v) throw new DomainError('DOCUMENT_NOT_FOUND', { documentId, version });
      return { name: v.name, kind: v.kind, size: v.size, sha256: v.sha256, bytes: ctx.documents.read(v.sha256) };
    },
  };
}

function uniqueItems(items: readonly DossierItemId[]): DossierItemId[] {
  return [...new Set(items)];
}

/**
 * Write the staged contents, each once, then the case (`put`). Should writing a content fail (a
 * full disk), what this change wrote is removed again and the error goes up: the case stays as it
 * was and nothing of the load remains. Should the case write itself fail, the contents stay: the
 * case may already be on disk (a failure after its rename), and unreferenced contents are removed
 * by the next background check (DocumentStore.sweep).
 */
function storeWith(stores: Stores, staged: readonly StagedDocument[], put: () => void): void {
  const written: string[] = [];
  try {
    for (const s of staged) if (stores.documents.put(s.sha256, s.bytes)) written.push(s.sha256);
  } catch (e) {
    for (const sha of written) stores.documents.remove(sha);
    throw e;
  }
  put();
}
