import { randomUUID } from 'node:crypto';
import {
  prefixOf,
  type DocumentItem,
  type DocumentRequest,
  type GeneratedDocument,
  type SignatureRecord,
} from '../../../shared/contract/documentSchemas';
import type { PadesLevel } from '../../../shared/contract/verificationSchemas';
import type { Caller, ParsedInput } from '../../../shared/contract/methods';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { inForce } from '../../../shared/domain/documents/annulment';
import type { Role } from '../../../shared/contract/roles';
import type { SignatureLine, SignerRole } from '../../../shared/domain/documents/documentModel';
import { DomainError } from '../../../shared/domain/errors';
import type { Call, ServiceContext, ServiceHandlers, Stores } from '../context';
import { describeCertificate, checkSigningCertificate } from '../signing/certificates';
import { certificateHolder, certNotSigner, holderMatches, nameWords, personalCodeOf } from './signerMatch';
import { openPkcs11 } from '../signing/pkcs11';
import { openPkcs12 } from '../signing/pkcs12';
import { extendToLongTerm } from '../signing/pdfLtv';
import { signPdf } from '../signing/pdfSignature';
import { verifyPdf } from '../signing/pdfVerify';
import type { Signer } from '../signing/signer';
import { sha256Hex } from '../store/documentStore';
import { renderPdf } from '../pdf/pdfWriter';
import { trustedAnchors } from '../trust/anchors';
import { annulmentOfDocument, caseOfDocument, checkCompletingSignature, checkIssue, pendingStep, recordPassOver, takeDocumentStep } from './caseSteps';
import { documentSources, registerOf } from './sources';
import { verificationReportOf } from './verification';

/** The case a document belongs to, for its event (documents of several cases name none: every case page looks). */
function caseOf(doc: Pick<GeneratedDocument, 'caseIds'>): { caseId?: string } {
  return doc.caseIds.length === 1 ? { caseId: doc.caseIds[0]! } : {};
}

type DocumentHandlers = Pick<
  ServiceHandlers,
  'documents.list' | 'documents.queue' | 'documents.preview' | 'documents.issue' | 'documents.read' | 'documents.sign' | 'documents.verify' | 'documents.extend'
>;

/**
 * Which of the user's roles may sign a line whose official has no user account in the register or
 * the commission. With an account set, only that user signs it (issue 12: the queue is per person).
 * V-77 p. 20, 45: the halfway-house employee the director appointed signs the list and the return
 * submission; they hold none of these roles, so their line needs their user account.
 */
const SIGNING_ROLES: Readonly<Record<SignerRole, readonly Role[]>> = {
  director: ['director'],
  chair: ['chair'],
  secretary: ['secretary'],
  halfwayHouseEmployee: [],
};

type Slot = GeneratedDocument['slots'][number];

/** Whether the caller may sign this line: the official's user account, or, without one, the line's role. */
function maySign(slot: Slot, caller: Caller): boolean {
  if (!caller.user) return false;
  if (slot.userId) return slot.userId === caller.user.id;
  const roles = caller.user.roles;
  return SIGNING_ROLES[slot.role].some((allowed) => roles.includes(allowed));
}

/**
 * Whether `doc` waits for the caller's signature (issue 12: the queue is per person): a line the
 * caller may sign is open and the caller has not signed it yet. The signing queue and the start
 * page (issue 17) use this one rule.
 */
export function awaitsSignatureOf(doc: GeneratedDocument, caller: Caller): boolean {
  return doc.replacedBy === undefined && awaitingSlots(doc).some((slot) => maySign(slot, caller)) && !signaturesOf(doc).some((sig) => sig.by.userId === caller.user?.id);
}

const PRODUCER = 'Pusiaukelė';

export function signaturesOf(doc: GeneratedDocument): SignatureRecord[] {
  return doc.versions.flatMap((v) => (v.signature ? [v.signature] : []));
}

/** Issue 18: the long-term extensions, with the version (1-based) each made. */
export function extensionsOf(doc: GeneratedDocument): NonNullable<DocumentItem['extensions']> {
  return doc.versions.flatMap((v, i) => (v.extension ? [{ ...v.extension, version: i + 1 }] : []));
}

/** The PAdES level by the records (issue 18): B-LTA once extended, B-T when every signature is timestamped, else B-B; none unsigned. */
export function levelOf(doc: GeneratedDocument): PadesLevel | undefined {
  const signatures = signaturesOf(doc);
  if (signatures.length === 0) return undefined;
  if (doc.versions.some((v) => v.extension)) return 'B-LTA';
  return signatures.every((s) => s.timestamp !== undefined) ? 'B-T' : 'B-B';
}

/** The signature lines still unsigned, in the order of the block (each line is signed once). */
export function awaitingSlots(doc: GeneratedDocument): Slot[] {
  const done = signaturesOf(doc).map((s) => s.role);
  return doc.slots.filter((slot) => {
    const i = done.indexOf(slot.role);
    if (i < 0) return true;
    done.splice(i, 1);
    return false;
  });
}

export function awaiting(doc: GeneratedDocument): SignerRole[] {
  return awaitingSlots(doc).map((s) => s.role);
}

/**
 * A document as the lists show it. `annulledBy`: the upheld appeal that put it out of force (V-77
 * p. 51), as read with its case (annulmentOfDocument); a document out of force awaits no one.
 */
export function toItem(doc: GeneratedDocument, annulledBy: string | undefined = doc.annulledBy): DocumentItem {
  const last = doc.versions[doc.versions.length - 1] as GeneratedDocument['versions'][number];
  const standing = doc.replacedBy === undefined && annulledBy === undefined;
  return {
    id: doc.id,
    kind: doc.kind,
    templateVersion: doc.templateVersion,
    registrationNumber: doc.registrationNumber,
    date: doc.date,
    documentType: doc.documentType,
    title: doc.title,
    subject: doc.subject,
    caseIds: doc.caseIds,
    createdAt: doc.createdAt,
    pageCount: doc.pageCount,
    ...(doc.meetingId !== undefined ? { meetingId: doc.meetingId } : {}),
    ...(doc.replaces !== undefined ? { replaces: doc.replaces } : {}),
    ...(doc.replacedBy !== undefined ? { replacedBy: doc.replacedBy } : {}),
    ...(annulledBy !== undefined ? { annulledBy } : {}),
    signatures: signaturesOf(doc),
    extensions: extensionsOf(doc),
    ...(levelOf(doc) ? { level: levelOf(doc) } : {}),
    awaiting: standing ? awaiting(doc) : [],
    awaitingSigners: standing ? awaitingSlots(doc).map((s) => ({ role: s.role, name: s.name, position: s.position, ...(s.userId ? { userId: s.userId } : {}) })) : [],
    sha256: last.sha256,
  };
}

const byNewest = (a: GeneratedDocument, b: GeneratedDocument) => b.createdAt.localeCompare(a.createdAt);

export function documentsHandlers(ctx: ServiceContext, fontsDir: string): DocumentHandlers {
  const userOf = (caller: Caller) => ({ userId: caller.user?.id ?? '', name: caller.user?.displayName ?? caller.user?.username ?? '' });

  const render = (model: Parameters<typeof renderPdf>[0], id: string, at: Date) => renderPdf(model, { createdAt: at, id, producer: PRODUCER }, fontsDir);

  /**
   * The line the caller signs: the first unsigned line that is theirs (their user account, or their
   * role where the line's official has no account). Issue 12: a line whose official has another
   * account is refused by name (USER_NOT_SIGNER); the halfway-house employee's line needs the account.
   */
  const slotFor = (doc: GeneratedDocument, caller: Caller): Slot => {
    const open = awaitingSlots(doc);
    const mine = open.find((slot) => maySign(slot, caller));
    if (mine) return mine;
    const roles = caller.user?.roles ?? [];
    const other = open.find((slot) => slot.userId && SIGNING_ROLES[slot.role].some((allowed) => roles.includes(allowed)));
    if (other) {
      throw new DomainError('USER_NOT_SIGNER', { id: doc.id, expected: other.name, position: other.position });
    }
    const unassigned = open.find((slot) => slot.role === 'halfwayHouseEmployee' && !slot.userId);
    if (unassigned) {
      throw new DomainError('SIGNER_NOT_SET', { id: doc.id, name: unassigned.name });
    }
    throw new DomainError('NOTHING_TO_SIGN', { id: doc.id });
  };

  /**
   * Issue 12: a document is signed only after the documents it cites (the minutes before the
   * proposal, the proposal before the director's documents, the return submission before the return
   * decision). A cited document since replaced counts through its replacement.
   */
  const requireCitedSigned = (doc: GeneratedDocument): void => {
    for (const citedId of doc.cites ?? []) {
      let cited: GeneratedDocument | undefined;
      try {
        cited = ctx.generated.get(citedId);
        while (cited.replacedBy !== undefined) cited = ctx.generated.get(cited.replacedBy);
      } catch {
        continue;
      }
      if (awaiting(cited).length === 0) continue;
      throw new DomainError('CITED_NOT_SIGNED', {
        id: doc.id,
        cited: cited.id,
        registrationNumber: cited.registrationNumber,
        kind: cited.kind,
        documentType: cited.documentType,
      });
    }
  };

  const openSigner = async (credential: ParsedInput<'documents.sign'>['credential']): Promise<{ signer: Signer; method: 'pkcs12' | 'pkcs11' }> => {
    if (credential.kind === 'pkcs12') return { signer: openPkcs12(credential.bytes, credential.password), method: 'pkcs12' };
    const modulePath = ctx.settings.get()?.signing?.pkcs11Module ?? '';
    if (modulePath === '') {
      throw new DomainError('PKCS11_NOT_CONFIGURED');
    }
    return { signer: await openPkcs11({ modulePath, pin: credential.pin }), method: 'pkcs11' };
  };

  /**
   * Work on one key runs one after the other: the signatures of a document (each builds on the version
   * the last one kept), and issuing (the register, the one-document-in-force rule).
   */
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return next;
  };

  /** The item of a document with its annulment read from its case (V-77 p. 51). */
  const itemOf = (doc: GeneratedDocument, record: CaseRecord | undefined = caseOfDocument(ctx, doc)) => toItem(doc, annulmentOfDocument(ctx, doc, record));

  const sign = async (id: string, credential: ParsedInput<'documents.sign'>['credential'], caller: Call): Promise<DocumentItem> => {
    const doc = ctx.generated.get(id);
    if (doc.replacedBy !== undefined) {
      throw new DomainError('DOCUMENT_REPLACED', { id, replacedBy: doc.replacedBy });
    }
    // V-77 p. 51: an act annulled by an upheld appeal (or spent with it) is no longer signed.
    if (annulmentOfDocument(ctx, doc) !== undefined) {
      throw new DomainError('NOTHING_TO_SIGN', { id });
    }
    // Issue 14: the completing signature and the case's step are written in one change (below). Only
    // a process killed between the two writes (or a failed undo) leaves a completed act whose case did
    // not move: one of its signers signing again takes the step then.
    if (awaitingSlots(doc).length === 0 && signaturesOf(doc).some((sig) => sig.by.userId === caller.user?.id) && pendingStep(ctx, doc)) {
      checkCompletingSignature(ctx, doc);
      takeDocumentStep(ctx, doc, caller);
      return itemOf(doc);
    }
    if (signaturesOf(doc).some((sig) => sig.by.userId === caller.user?.id)) {
      throw new DomainError('ALREADY_SIGNED', { id });
    }
    const slot = slotFor(doc, caller);
    const role = slot.role;
    requireCitedSigned(doc);
    // Issue 14: the signature that completes an order or a submission holds a place (V-77 p. 13, 14).
    const completes = awaitingSlots(doc).length === 1;
    if (completes) checkCompletingSignature(ctx, doc);
    const last = doc.versions[doc.versions.length - 1] as GeneratedDocument['versions'][number];
    const current = ctx.documents.read(last.sha256);
    const { signer, method } = await openSigner(credential);
    let signed: Uint8Array;
    let certificate: ReturnType<typeof describeCertificate>;
    try {
      const at = ctx.now();
      checkSigningCertificate(signer.certificate, at);
      certificate = describeCertificate(signer.certificate);
      // Issue 12: the certificate's holder must be the official of this line, and one certificate
      // signs one line of a document. Both are checked before anything is written.
      const holder = certificateHolder(signer.certificate);
      if (!holderMatches(holder, slot)) throw certNotSigner(holder, slot);
      const info = certificate;
      // The same certificate, or another certificate of the same person (same personal code, or the
      // same name where none is carried): one person signs one line.
      const samePerson = (sig: SignatureRecord) => {
        const serial = /(?:^|, )serialNumber=([^,]+)/u.exec(sig.certificate.subject)?.[1];
        const code = serial === undefined ? null : personalCodeOf(serial);
        if (holder.personalCode !== null && code !== null) return code === holder.personalCode;
        return nameWords(sig.signerName).join(' ') === nameWords(holder.name).join(' ');
      };
      const reused = signaturesOf(doc).find((sig) => (sig.certificate.serialNumber === info.serialNumber && sig.certificate.issuer === info.issuer) || samePerson(sig));
      if (reused) {
        throw new DomainError('CERT_ALREADY_USED', { id, holder: holder.name });
      }
      const timestampUrl = ctx.settings.get()?.signing?.timestampUrl ?? '';
      signed = await signPdf(current, {
        signer,
        slot,
        signerName: certificate.commonName || certificate.subject,
        position: slot.position,
        at,
        ...(timestampUrl !== '' ? { timestampUrl } : {}),
        fontsDir,
      });
    } finally {
      await signer.close();
    }
    // What was written must verify before it is kept: every earlier signature and the new one, and
    // with trust anchors set (pasted roots, trusted lists), the new certificate must chain to one of them.
    const trusted = trustedAnchors(ctx);
    const check = verifyPdf(signed, { trusted, now: ctx.now() });
    const newest = check.signatures[check.signatures.length - 1];
    if (check.signatures.length !== signaturesOf(doc).length + 1 || !check.signatures.every((s) => s.cms.intact) || !newest) {
      throw new DomainError('SIGNING_FAILED', { reason: { why: 'checkFailed' } });
    }
    if (trusted.length > 0 && !newest.cms.trusted) {
      throw new DomainError('CERT_UNTRUSTED', { certificate: certificate.commonName || certificate.subject, issuer: certificate.issuer });
    }
    const sha256 = sha256Hex(signed);
    const at = ctx.now().toISOString();
    const signature: SignatureRecord = {
      role,
      signerName: certificate.commonName || certificate.subject,
      certificate: { subject: certificate.subject, issuer: certificate.issuer, serialNumber: certificate.serialNumber, notAfter: certificate.notAfter },
      by: userOf(caller),
      at,
      method,
      // Issue 18: the time only a believed timestamp proves (the level the list shows follows it, as the verifier's does).
      ...(newest.cms.timestamp?.trusted ? { timestamp: newest.cms.timestamp.time } : {}),
    };
    const signedDoc: GeneratedDocument = { ...doc, versions: [...doc.versions, { sha256, size: signed.length, at, signature }] };
    // Issue 18: the signature that completes the document makes it long-term (B-LTA) in the same
    // change, as the next version rather than in place of the signature's own: the bytes the signer
    // signed stay a version of their own (their hash is the signature's), the extension is the
    // institution's act with its own time, and a failed extension leaves the signature as it is (B-T),
    // to be extended later with documents.extend.
    const extension = awaitingSlots(signedDoc).length === 0 ? await automaticExtension(doc, signed) : null;
    const next: GeneratedDocument = extension ? { ...signedDoc, versions: [...signedDoc.versions, extension.version] } : signedDoc;
    // Checked again with nothing awaited until the case is saved: another act signed meanwhile may have taken the place.
    if (completes) checkCompletingSignature(ctx, next);
    const summary = `Dokumentą ${doc.registrationNumber} pasirašė ${signature.signerName}${extension ? '; užtikrintas parašų ilgalaikis galiojimas (PAdES B-LTA)' : ''}`;
    caller.record({ kind: 'document', id, ...caseOf(doc) }, doc, next, summary, (w) => {
      w.documents.put(sha256, signed); // the content first: a record never names a content that is not there
      if (extension) w.documents.put(extension.version.sha256, extension.bytes);
      w.generated.put(next);
      if (awaitingSlots(next).length > 0) return;
      // Issue 14: the completed act takes its step (V-77 p. 13–16, 46) in the same change, audited
      // after the signature. Should the case not be written, the document's record is put back as it
      // was: the signature fails whole and may be given again (the signed content, referred to by
      // nothing, is swept with the rest).
      try {
        takeDocumentStep(ctx, next, caller);
      } catch (e) {
        undoSignature(w, doc);
        throw e;
      }
    });
    return itemOf(next);
  };

  /**
   * Issue 18: `bytes` (the document's last version, every line signed) extended to PAdES B-LTA, and
   * its version record. What was written must verify before it is kept: every signature still intact
   * and reaching B-LTA, the new document timestamp valid — believed, and not before a timestamp it
   * covers (TIMESTAMP_ORDER_FAILURE makes it INDETERMINATE) — nothing else changed.
   */
  const longTerm = async (bytes: Uint8Array): Promise<{ bytes: Buffer; version: GeneratedDocument['versions'][number] }> => {
    const trusted = trustedAnchors(ctx);
    const crls = ctx.revocation.parsed();
    const now = ctx.now();
    const timestampUrl = ctx.settings.get()?.signing?.timestampUrl ?? '';
    const count = verifyPdf(bytes, { trusted, now, crls }).signatures.length;
    const extended = await extendToLongTerm(bytes, { trusted, crls, timestampUrl, now });
    const check = verifyPdf(extended, { trusted, now, crls });
    const stamp = check.signatures[check.signatures.length - 1];
    const intact =
      check.signatures.length === count + 1 &&
      !check.changedOtherwise &&
      check.signatures.every((s) => s.cms.intact && (s.type === 'documentTimestamp' || s.level === 'B-LTA'));
    if (!intact || stamp?.type !== 'documentTimestamp' || !stamp.valid || !stamp.cms.timestamp?.trusted || stamp.cms.provenTime === null) {
      throw new DomainError('LONG_TERM_CHECK_FAILED');
    }
    const at = ctx.now().toISOString();
    return { bytes: extended, version: { sha256: sha256Hex(extended), size: extended.length, at, extension: { level: 'B-LTA', at, timestamp: stamp.cms.timestamp.time } } };
  };

  /**
   * The extension after the completing signature, when a timestamp service is configured: whatever
   * keeps it from being made (no revocation list for a certificate, the service down) leaves the
   * signature standing, never lost.
   */
  const automaticExtension = async (doc: GeneratedDocument, signed: Uint8Array): Promise<Awaited<ReturnType<typeof longTerm>> | null> => {
    if ((ctx.settings.get()?.signing?.timestampUrl ?? '') === '') return null;
    try {
      return await longTerm(signed);
    } catch (e) {
      console.warn(`Document ${doc.id}: signed; the long-term extension was not made (${e instanceof DomainError ? e.code : String(e)})`);
      return null;
    }
  };

  /** documents.extend (issue 18): a fully signed document's last version extended to B-LTA, kept as its next version. */
  const extend = async (id: string, caller: Call): Promise<DocumentItem> => {
    const doc = ctx.generated.get(id);
    const missing = awaitingSlots(doc).length;
    if (signaturesOf(doc).length === 0 || missing > 0) {
      throw new DomainError('LONG_TERM_NOT_FULLY_SIGNED', { registrationNumber: doc.registrationNumber, awaiting: missing });
    }
    const last = doc.versions[doc.versions.length - 1] as GeneratedDocument['versions'][number];
    const extension = await longTerm(ctx.documents.read(last.sha256));
    const next: GeneratedDocument = { ...doc, versions: [...doc.versions, extension.version] };
    caller.record({ kind: 'document', id, ...caseOf(doc) }, doc, next, `Dokumento ${doc.registrationNumber} parašų ilgalaikis galiojimas užtikrintas (PAdES B-LTA)`, (w) => {
      w.documents.put(extension.version.sha256, extension.bytes);
      w.generated.put(next);
    });
    return itemOf(next);
  };

  const issue = async (input: ParsedInput<'documents.issue'>, caller: Call): Promise<DocumentItem> => {
    const { replaces, ...request } = input;
    const replaced = replaces === undefined ? undefined : ctx.generated.get(replaces);
    if (replaced) checkReplacement(replaced, request, caseOfDocument(ctx, replaced));
    checkNoneActive(ctx, request, replaced);
    // Issue 14: a free place for an order or a submission, and a reason for passing over anyone earlier on the list (V-77 p. 4, 12–14).
    const passOver = checkIssue(ctx, request);
    const register = registerOf(ctx);
    // A kind without a prefix in the register (settings saved before it existed) takes the default one.
    const prefix = prefixOf(register, request.kind);
    // Everything is checked (sources, what it cites, characters, layout) before a number is taken.
    const { model: draft, caseIds, meetingId, cites } = documentSources(ctx, request, `${prefix}-0`, { issuing: true });
    await render(draft, 'check', ctx.now());
    const year = Number(draft.date.slice(0, 4));
    // The number is written down before the document that carries it: a crash may skip one, never give one twice.
    const number = caller.record({ kind: 'document' }, undefined, { register: prefix, year }, `Registracijos numeris (${prefix}, ${year})`, (w) =>
      w.register.take(prefix, year, highestIssued(ctx.generated.list(), prefix, year)),
    );
    const registrationNumber = `${prefix}-${number}`;
    // Built again with the number: a document may print its own number in its text (the p. 14 draft
    // resolution cites the submission), so a copy of the draft with only the heading's number is not enough.
    const { model } = documentSources(ctx, request, registrationNumber, { issuing: true });
    const id = randomUUID();
    const at = ctx.now();
    const rendered = await render(model, id, at);
    const sha256 = sha256Hex(rendered.bytes);
    const doc: GeneratedDocument = {
      id,
      kind: request.kind,
      templateVersion: model.templateVersion,
      registrationNumber,
      date: model.date,
      documentType: model.documentType,
      title: model.title,
      subject: model.subject ?? '',
      caseIds,
      ...(meetingId !== undefined ? { meetingId } : {}),
      request,
      createdAt: at.toISOString(),
      createdBy: userOf(caller),
      slots: withSigners(rendered.slots, model.signatures),
      versions: [{ sha256, size: rendered.bytes.length, at: at.toISOString() }],
      pageCount: rendered.pageCount,
      ...(replaced ? { replaces: replaced.id } : {}),
      ...(cites.length > 0 ? { cites } : {}),
    };
    const writeDocument = (w: Stores) => {
      w.documents.put(sha256, rendered.bytes);
      w.generated.put(doc);
    };
    // V-77 p. 12: an act that passes over someone earlier on the list is issued with the case's
    // entry saying whom and why, in one change (both or neither), audited after the document.
    caller.record({ kind: 'document', id, ...caseOf(doc) }, undefined, doc, `Parengtas dokumentas ${registrationNumber}: ${model.documentType}`, (w) => {
      if (passOver) recordPassOver(ctx, passOver, doc, caller, writeDocument);
      else writeDocument(w);
    });
    if (replaced) {
      const marked = { ...replaced, replacedBy: id };
      caller.record({ kind: 'document', id: replaced.id, ...caseOf(replaced) }, replaced, marked, `Dokumentas ${replaced.registrationNumber} pakeistas dokumentu ${registrationNumber}`, (w) =>
        w.generated.put(marked),
      );
    }
    return toItem(doc);
  };

  return {
    // Every document stays listed: a replaced or annulled one (V-77 p. 51) says so and awaits no one.
    'documents.list': async ({ caseId, meetingId }) => {
      const records = new Map<string, CaseRecord | undefined>();
      const recordOf = (doc: GeneratedDocument) => {
        if (doc.caseIds.length !== 1) return undefined;
        const key = doc.caseIds[0]!;
        if (!records.has(key)) records.set(key, caseOfDocument(ctx, doc));
        return records.get(key);
      };
      return {
        documents: ctx.generated
          .list()
          .filter((d) => (caseId === undefined || d.caseIds.includes(caseId)) && (meetingId === undefined || d.meetingId === meetingId))
          .sort(byNewest)
          .map((d) => itemOf(d, recordOf(d))),
      };
    },

    // Issue 12: the queue is per person: the lines whose official is the caller's account, and
    // lines without an account that the caller's role signs.
    'documents.queue': async (_input, caller) => ({
      documents: ctx.generated
        .list()
        .filter((d) => awaitsSignatureOf(d, caller))
        .map((d) => itemOf(d))
        .filter((item) => item.annulledBy === undefined)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }),

    'documents.preview': async (request) => {
      const { model } = documentSources(ctx, request, null);
      const rendered = await render(model, 'preview', ctx.now());
      return { bytes: rendered.bytes, pageCount: rendered.pageCount, templateVersion: model.templateVersion, title: `${model.documentType} ${model.title}` };
    },

    // Issuing runs one at a time (the register, the one-active-document rule), and a replacement also
    // in the queue of the document it replaces, so that it cannot cross a signature of that document.
    'documents.issue': (input, caller) =>
      input.replaces === undefined ? oneAtATime('issue', () => issue(input, caller)) : oneAtATime(input.replaces, () => oneAtATime('issue', () => issue(input, caller))),

    'documents.read': async ({ id, version }) => {
      const doc = ctx.generated.get(id);
      const index = version === undefined ? doc.versions.length - 1 : version - 1;
      const v = doc.versions[index];
      if (!v) throw new DomainError('VERSION_NOT_FOUND', { id, version });
      const bytes = ctx.documents.read(v.sha256);
      return { name: `${doc.registrationNumber.replace(/[^\p{L}\d.-]/gu, '_')}.pdf`, bytes, sha256: v.sha256, version: index + 1 };
    },

    'documents.sign': ({ id, credential }, caller) => oneAtATime(id, () => sign(id, credential, caller)),
    'documents.verify': async ({ name, bytes }) => verificationReportOf(ctx, name, bytes),
    // Issue 18: one at a time with the document's signatures (each builds on the version the last one kept).
    'documents.extend': ({ id }, caller) => oneAtATime(id, () => extend(id, caller)),
  };
}

/**
 * The rendered signature places with who alone may sign each (issue 12): the writer lays out the
 * model's lines in order, one place per line; the personal code and user account come from the line.
 */
export function withSigners(slots: readonly Slot[], lines: readonly SignatureLine[]): Slot[] {
  return slots.map((slot, i) => {
    const line = lines[i];
    if (!line || line.role !== slot.role) return { ...slot };
    return { ...slot, ...(line.personalCode ? { personalCode: line.personalCode } : {}), ...(line.userId ? { userId: line.userId } : {}) };
  });
}

/**
 * Put a document's record back as it was before a signature whose change failed (the case's step
 * could not be written). Should that fail as well, the signature stands without its step, and a
 * signer signing again takes it (documents.sign).
 */
function undoSignature(stores: Stores, before: GeneratedDocument): void {
  try {
    stores.generated.put(before);
  } catch (again) {
    console.error(`Document ${before.id}: the signature whose step failed could not be taken back`, again);
  }
}

/** Documents that cannot stand side by side for one case: the order and the decision not to transfer (V-77 p. 13, 15). */
const EXCLUSIVE: Partial<Record<DocumentRequest['kind'], DocumentRequest['kind']>> = { order: 'declineDecision', declineDecision: 'order' };

/**
 * One document of a kind per case (or meeting) is in force: another is issued only as a correction
 * that replaces it; the order and the decision not to transfer exclude each other. An act annulled
 * by an upheld appeal (V-77 p. 51), or spent with it, is no longer in force: the act that follows
 * the reopening is issued anew. The list (p. 12) is drawn up again whenever it changes, so lists
 * may follow one another.
 */
export function checkNoneActive(ctx: Pick<ServiceContext, 'generated' | 'cases'>, request: DocumentRequest, replaced: GeneratedDocument | undefined): void {
  // The list and the reports on periods (issue 17) are drawn up again whenever wanted.
  if (request.kind === 'list' || request.kind === 'statisticsReport') return;
  const record = 'caseId' in request ? ctx.cases.get(request.caseId) : undefined;
  const about = (d: GeneratedDocument) => ('caseId' in request ? d.caseIds.includes(request.caseId) && d.kind !== 'minutes' : d.meetingId === request.meetingId);
  const active = ctx.generated.list().filter((d) => d.id !== replaced?.id && about(d) && inForce(d, record));
  const same = active.find((d) => d.kind === request.kind);
  if (same) {
    throw new DomainError('DOCUMENT_EXISTS', { id: same.id, registrationNumber: same.registrationNumber });
  }
  const other = active.find((d) => d.kind === EXCLUSIVE[request.kind]);
  if (other) {
    throw new DomainError('DOCUMENT_CONFLICT', { id: other.id, kind: other.kind, documentType: other.documentType, registrationNumber: other.registrationNumber });
  }
}

/** The highest number already given under `prefix` in `year` (the register may have been restored from a backup). */
export function highestIssued(all: readonly GeneratedDocument[], prefix: string, year: number): number {
  let highest = 0;
  for (const d of all) {
    if (Number(d.date.slice(0, 4)) !== year || !d.registrationNumber.startsWith(`${prefix}-`)) continue;
    const n = Number(d.registrationNumber.slice(prefix.length + 1));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return highest;
}

/** A correction is a new document of the same kind about the same case or meeting, of one still in force (V-77 p. 51). */
function checkReplacement(old: GeneratedDocument, request: DocumentRequest, record: CaseRecord | undefined): void {
  const same =
    old.kind === request.kind &&
    ('caseId' in request ? old.caseIds.includes(request.caseId) : true) &&
    ('meetingId' in request ? old.meetingId === request.meetingId : true);
  if (!same || !inForce(old, record)) {
    throw new DomainError('REPLACEMENT_MISMATCH', { id: old.id });
  }
}
