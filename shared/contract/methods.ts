import { z } from 'zod';
import {
  STEP_NOTE_MAX,
  caseListItem,
  decisionId,
  caseState,
  caseView,
  isoDate,
  requestFlag,
  requestInput,
  savedSettings,
  settingsInput,
} from './schemas';
import { FACTS_INPUTS, bytes, documentKind, dossierItemId, stagedFile } from './dossierSchemas';
import { ADMINISTRATORS, ARCHIVISTS, DOSSIER_SENDERS, PACKAGE_HANDLERS, CASE_READERS, CASE_WRITERS, COMMISSION_EDITORS, COMMISSION_READERS, DOCUMENT_AUTHORS, type Access } from './roles';
import { documentItem, documentRequest, signingCredential } from './documentSchemas';
import { revocationView, verificationReport } from './verificationSchemas';
import { trustedListsView } from './trustedListSchemas';
import { backupOutput, exportCaseInput, exportClosedInput, exportClosedOutput, importPackageInput, importPackageOutput, packageInspection, sendDossierInput, writtenPackage } from './archiveSchemas';
import {
  agendaCandidate,
  assessment,
  ballot,
  commission,
  commissionRecord,
  criterionId,
  meetingDetails,
  meetingListItem,
  meetingReason,
  meetingText,
  meetingTextAsSeen,
  meetingView,
  memberId,
} from './meetingSchemas';
import { addPassphraseInput, keyProof, keySecret, keySlotView, keySlotsView, newRecoveryKeyOutput, removeSlotInput } from './keySchemas';
import { auditEntry, integrityReport } from './audit';
import { appealInput, appealOutcomeInput, arrivalInput, capacityInput, correctionInput, departureInput, lifeInput, transferOutInput, placeReportInput, placesView, receivedActInput } from './afterDecisionSchemas';
import { displayName, givenPassword, loginName, newPassword, role, sessionUser, userInput, userRevision, userView, username, type SessionUser } from './users';
import { fileName, longText, optionalLongText, optionalText, raw, ref, strictInputs } from './fieldSchemas';
import { homeView } from './homeSchemas';
import { statisticsQuery, statisticsView } from './statisticsSchemas';

/**
 * Every method the back end offers, with its input and output schemas. The same table drives the
 * Electron IPC adapter, the browser host and the renderer's typed client. Every input refuses a key
 * it does not know, at that key's path (issue 16, strictInputs), and every text in it is built from
 * fieldSchemas' text types (invisible characters refused, NFC stored; test/unit/contract/textSafety).
 */
export const contract = strictInputs({
  'app.info': {
    access: 'anyone',
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      today: isoDate,
      schemaVersion: z.number().int(),
      /** Issue 16, signed-in callers only: the free space on the data directory's disk (null: unknown) and the level under which the app warns. */
      disk: z.object({ freeBytes: z.number().nonnegative().nullable(), warnBelowBytes: z.number().nonnegative() }).optional(),
    }),
  },
  'settings.get': {
    access: 'signedIn',
    input: z.object({}),
    /** null until the institution has been set up (the app then opens the setup screen). */
    output: savedSettings.nullable(),
  },
  'settings.save': {
    access: ADMINISTRATORS,
    /**
     * `revision`: the revision the values were based on (0 when none were stored); refused with
     * STALE_REVISION when someone saved since. A damaged settings file may be entered again over any.
     * `modulePassword` (issue 16): the user's password again, required when the card module changes.
     */
    input: settingsInput.safeExtend({ modulePassword: raw(z.string().max(200), 'the user’s password, compared').optional() }),
    /** As stored, with the new revision. */
    output: savedSettings,
  },
  /** Issue 17: the start page of the signed-in user's roles. */
  'home.get': {
    access: 'signedIn',
    input: z.object({}),
    output: homeView,
  },
  /** Issue 17: the statistics of a period (requests, decisions, terms kept, the queue, the places). */
  'statistics.get': {
    access: CASE_READERS,
    input: statisticsQuery,
    output: statisticsView,
  },
  'cases.list': {
    access: CASE_READERS,
    input: z.object({}),
    output: z.object({ today: isoDate, cases: z.array(caseListItem) }),
  },
  'cases.get': {
    access: CASE_READERS,
    input: z.object({ id: ref() }),
    output: caseView,
  },
  'cases.checkRequest': {
    access: CASE_WRITERS,
    input: z.object({
      personalFileNo: optionalText(100),
      requestDate: isoDate,
      possibleTransferDate: isoDate,
      excludeCaseId: ref().optional(),
    }),
    output: z.object({ flags: z.array(requestFlag) }),
  },
  'cases.register': {
    access: CASE_WRITERS,
    input: requestInput,
    output: caseView,
  },
  'cases.updateRequest': {
    access: CASE_WRITERS,
    input: z.object({ id: ref(), revision: z.number().int(), request: requestInput }),
    output: caseView,
  },
  'cases.transition': {
    /**
     * One step of the procedure. The agenda and the decision are a meeting's (V-77 p. 9–10): the
     * steps to "scheduled" and "decided", and back from "scheduled", are refused (STEP_BY_MEETING).
     */
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      revision: z.number().int(),
      to: caseState,
      /** The day the step happened; the p. 9 term runs from the day the dossier was received. */
      on: isoDate,
      note: optionalLongText(STEP_NOTE_MAX).optional(),
      /** Issue 14: marking the dossier received while items are missing needs the user's confirmation (DOSSIER_MISSING_CONFIRM). */
      confirmMissing: z.boolean().optional(),
    }),
    output: caseView,
  },
  // ---- After the decision, V-77 p. 4, 12–25, 44–51 (issue 14) ----
  'cases.recordAct': {
    /**
     * A document received from elsewhere, with its copy: the other institution's decision on our
     * convict's request (p. 8, 49), the Prison Department director's resolution (p. 17) or refusal
     * (p. 18), which move the case, or another institution's p. 47 notice, which takes the convict
     * off the list.
     */
    access: CASE_WRITERS,
    input: receivedActInput,
    output: caseView,
  },
  'cases.readAct': {
    access: CASE_READERS,
    input: z.object({ caseId: ref(), actId: ref() }),
    output: z.object({ name: z.string(), bytes, sha256: z.string(), mediaType: z.string() }),
  },
  'cases.recordArrival': {
    /** V-77 p. 22, 24–25: the convict arrived; the place is occupied from this day. */
    access: CASE_WRITERS,
    input: arrivalInput,
    output: caseView,
  },
  'cases.recordDeparture': {
    /** V-77 p. 4: the convict left the halfway house (parole, end of sentence, transfer elsewhere); the place frees. */
    access: CASE_WRITERS,
    input: departureInput,
    output: caseView,
  },
  'cases.recordTransferOut': {
    /**
     * V-77 p. 21–23, route 'sends': after the other institution granted the request, our convict set off
     * to its halfway house and the personal file was sent; recorded once.
     */
    access: CASE_WRITERS,
    input: transferOutInput,
    output: caseView,
  },
  'cases.fileAppeal': {
    /** V-77 p. 51: an appeal against an act on the case, recorded against that act. */
    access: CASE_WRITERS,
    input: appealInput,
    output: caseView,
  },
  'cases.decideAppeal': {
    /** V-77 p. 51: the outcome of an appeal, from the received decision; an upheld one reopens the case. */
    access: CASE_WRITERS,
    input: appealOutcomeInput,
    output: caseView,
  },
  'cases.recordLife': {
    /** V-77 p. 28–35 and the release preparation (seed 001), for a convict in the halfway house. */
    access: CASE_WRITERS,
    input: lifeInput,
    output: caseView,
  },
  'cases.correctStep': {
    /** Undo the latest step recorded by hand, by a recorded correction (who, when, why). */
    access: CASE_WRITERS,
    input: correctionInput,
    output: caseView,
  },
  'places.get': {
    /** The places, the list and the freed places (V-77 p. 4, 12, 20). */
    access: CASE_READERS,
    input: z.object({}),
    output: placesView,
  },
  'places.reportFreed': {
    /** V-77 p. 20: the director was told of the place a departure freed. */
    access: CASE_WRITERS,
    input: placeReportInput,
    output: placesView,
  },
  'places.changeCapacity': {
    /** V-77 p. 4: a dated change of the number of places (the settings keep the history). */
    access: ADMINISTRATORS,
    input: capacityInput,
    output: placesView,
  },
  // ---- The dossier, V-77 p. 6–7 (issue 4) ----
  'dossier.stage': {
    /** Check a file by its content, hash it and hold it for review; nothing is stored yet. */
    access: CASE_WRITERS,
    input: z.object({ caseId: ref(), name: fileName, bytes }),
    output: stagedFile,
  },
  'dossier.discard': {
    access: CASE_WRITERS,
    input: z.object({ stagedIds: z.array(ref()).max(1000) }),
    output: z.object({}),
  },
  'dossier.attach': {
    /** Store the staged files on their items, all or none (a folder load is one change). */
    access: CASE_WRITERS,
    input: z.object({
      caseId: ref(),
      revision: z.number().int(),
      files: z
        .array(
          z.object({
            stagedId: ref(),
            item: dossierItemId,
            /** The document this file replaces; the earlier version is kept. */
            replaces: ref().optional(),
            /** What changed, required with `replaces`. */
            note: optionalLongText(STEP_NOTE_MAX).optional(),
          }),
        )
        .min(1, { error: 'required' })
        .max(1000),
    }),
    output: caseView,
  },
  'dossier.saveItem': {
    /** The item's date received and its structured facts (checked against the item's schema). */
    access: CASE_WRITERS,
    input: z
      .object({
        caseId: ref(),
        revision: z.number().int(),
        item: dossierItemId,
        receivedOn: isoDate.optional(),
        facts: z.unknown().optional(),
      })
      // The facts as their item's schema gives them (trimmed, NFC, line breaks unified), or its issues under 'facts'.
      .transform((v, ctx) => {
        if (v.facts === undefined) return v;
        const parsed = FACTS_INPUTS[v.item].safeParse(v.facts);
        if (parsed.success) return { ...v, facts: parsed.data as unknown };
        for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['facts', ...i.path], message: i.message });
        return z.NEVER;
      }),
    output: caseView,
  },
  'dossier.removeDocument': {
    /** A document attached by mistake (e.g. another convict's) leaves the case, for a stated reason. */
    access: CASE_WRITERS,
    input: z.object({
      caseId: ref(),
      revision: z.number().int(),
      documentId: ref(),
      reason: longText(STEP_NOTE_MAX),
    }),
    output: caseView,
  },
  'dossier.extendTerm': {
    /** V-77 p. 7: extend the dossier term by up to 10 working days, for a stated objective reason. */
    access: CASE_WRITERS,
    input: z.object({
      caseId: ref(),
      revision: z.number().int(),
      days: z.number({ error: 'extensionDays' }).int({ error: 'extensionDays' }).min(1, { error: 'extensionDays' }).max(10, { error: 'extensionDays' }),
      reason: longText(STEP_NOTE_MAX),
    }),
    output: caseView,
  },
  'dossier.readDocument': {
    access: CASE_READERS,
    input: z.object({ caseId: ref(), documentId: ref(), version: z.number().int().min(1).optional() }),
    output: z.object({ name: z.string(), kind: documentKind, size: z.number().int(), sha256: z.string(), bytes }),
  },
  // ---- The commission and its meetings, V-77 p. 9–11 (issue 5) ----
  'commission.get': {
    access: COMMISSION_READERS,
    input: z.object({}),
    /** null until the commission has been set up. */
    output: commissionRecord.nullable(),
  },
  'commission.save': {
    /** The whole membership and the rules; `revision` is the one loaded (0 for the first save). */
    access: COMMISSION_EDITORS,
    input: commission.safeExtend({ revision: z.number().int().min(0) }),
    output: commissionRecord,
  },
  'meetings.list': {
    access: CASE_READERS,
    input: z.object({}),
    output: z.object({ today: isoDate, meetings: z.array(meetingListItem) }),
  },
  'meetings.candidates': {
    /** Cases ready for the commission that a meeting on `date` may take, with their p. 9 terms. */
    access: CASE_WRITERS,
    input: z.object({ date: isoDate }),
    output: z.array(agendaCandidate),
  },
  'meetings.get': {
    access: CASE_READERS,
    input: z.object({ id: ref() }),
    output: meetingView,
  },
  'meetings.schedule': {
    /** A new meeting; the cases on its agenda move to "on the agenda" (V-77 p. 9). */
    access: CASE_WRITERS,
    input: meetingDetails,
    output: meetingView,
  },
  'meetings.update': {
    /** A planned meeting's date, time, place and agenda; cases taken off go back to "ready". */
    access: CASE_WRITERS,
    input: meetingDetails.safeExtend({ id: ref(), revision: z.number().int() }),
    output: meetingView,
  },
  'meetings.cancel': {
    access: CASE_WRITERS,
    input: z.object({ id: ref(), revision: z.number().int(), reason: meetingReason }),
    output: meetingView,
  },
  'meetings.open': {
    /** The meeting starts: it keeps the membership and rules in force on its date. */
    access: CASE_WRITERS,
    input: z.object({ id: ref(), revision: z.number().int() }),
    output: meetingView,
  },
  'meetings.setAttendance': {
    access: CASE_WRITERS,
    input: z.object({ id: ref(), memberId, present: z.boolean() }),
    output: meetingView,
  },
  'meetings.recuse': {
    /** A member declares a conflict of interest in one case and does not vote on it. */
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      caseId: ref(),
      memberId,
      recused: z.boolean(),
      reason: meetingText.optional(),
      /** The member's recusal as the user saw it: merged per field, STALE_REVISION if another window changed it meanwhile. */
      basedOn: z.object({ recused: z.boolean(), reason: meetingTextAsSeen }),
    }),
    output: meetingView,
  },
  'meetings.saveCriterion': {
    /** Saved as typed: one criterion's findings and assessment (11.8 also the register check). */
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      caseId: ref(),
      criterion: criterionId,
      /** Absent: the findings are not changed by this call (a choice saves its own field only). */
      findings: meetingText.optional(),
      assessment: assessment.nullable().optional(),
      onRegister: z.boolean().nullable().optional(),
      /** The criterion's values as the user saw them when they began: a field someone else changed meanwhile is refused (STALE_REVISION), never overwritten. */
      basedOn: z.object({ findings: meetingTextAsSeen, assessment: assessment.nullable(), onRegister: z.boolean().nullable() }),
    }),
    output: meetingView,
  },
  'meetings.saveDecision': {
    /** The proposal put to the vote (one of the two open, V-77 p. 10) and its reasons, saved as typed. */
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      caseId: ref(),
      decision: decisionId.nullable(),
      /** Absent: the reasons are not changed by this call (choosing the proposal saves the proposal only). */
      rationale: meetingText.optional(),
      /** The proposal and its reasons as the user saw them when they began (merged per field, STALE_REVISION on a conflict). */
      basedOn: z.object({ decision: decisionId.nullable(), rationale: meetingTextAsSeen }),
    }),
    output: meetingView,
  },
  'meetings.vote': {
    /** One member's vote on the proposal (null takes it back); refused without a quorum. */
    access: CASE_WRITERS,
    /** `basedOn`: the member's ballot as the user saw it (null: none); another window's change meanwhile is refused (STALE_REVISION). */
    input: z.object({ id: ref(), caseId: ref(), memberId, ballot: ballot.nullable(), basedOn: ballot.nullable() }),
    output: meetingView,
  },
  'meetings.newVote': {
    /** After a proposal was not adopted: keep that vote on record and start another. */
    access: CASE_WRITERS,
    input: z.object({ id: ref(), caseId: ref() }),
    output: meetingView,
  },
  'meetings.postpone': {
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      caseId: ref(),
      postponed: z.boolean(),
      reason: meetingText.optional(),
      /** The postponement as the user saw it: merged per field, STALE_REVISION if another window changed it meanwhile. */
      basedOn: z.object({ postponed: z.boolean(), reason: meetingTextAsSeen }),
    }),
    output: meetingView,
  },
  'meetings.close': {
    /** Freeze what was decided and move the cases on: decided, or back to "ready" when postponed. */
    access: CASE_WRITERS,
    input: z.object({ id: ref(), revision: z.number().int() }),
    output: meetingView,
  },
  'meetings.amend': {
    /** A correction after closing, recorded with who, when and why; the frozen result stays. */
    access: CASE_WRITERS,
    input: z.object({
      id: ref(),
      caseId: ref(),
      field: z.enum(['findings', 'assessment', 'rationale']),
      criterion: criterionId.optional(),
      value: meetingText,
      reason: meetingReason,
    }),
    output: meetingView,
  },
  // ---- Documents and signatures, V-77 p. 9–16, 45–46, 50–51 (issue 6) ----
  'documents.list': {
    access: CASE_READERS,
    input: z.object({ caseId: ref().optional(), meetingId: ref().optional() }),
    output: z.object({ documents: z.array(documentItem) }),
  },
  'documents.queue': {
    /**
     * The documents awaiting the caller's signature: lines whose official is the caller's user
     * account, or without one, lines of the caller's role (issue 12). Any user may be an official
     * (the halfway-house employee, V-77 p. 20), so the handler decides per line.
     */
    access: 'signedIn',
    input: z.object({}),
    output: z.object({ documents: z.array(documentItem) }),
  },
  'documents.preview': {
    /** The document as it would be issued, without a registration number; nothing is stored. */
    access: DOCUMENT_AUTHORS,
    input: documentRequest,
    output: z.object({ bytes, pageCount: z.number().int(), templateVersion: z.string(), title: z.string() }),
  },
  'documents.issue': {
    /** Registers the document (the next number of its register) and stores it, unsigned. */
    access: DOCUMENT_AUTHORS,
    input: z.intersection(documentRequest, z.object({ replaces: ref().optional() })),
    output: documentItem,
  },
  'documents.read': {
    access: CASE_READERS,
    input: z.object({ id: ref(), version: z.number().int().min(1).optional() }),
    output: z.object({ name: z.string(), bytes, sha256: z.string(), version: z.number().int() }),
  },
  'documents.sign': {
    /** Adds the caller's signature as a new revision of the file; the earlier bytes stay as they were. The handler checks the line is the caller's (issue 12). */
    access: 'signedIn',
    input: z.object({ id: ref(), credential: signingCredential }),
    output: documentItem,
  },
  'documents.extend': {
    /**
     * Issue 18: makes a signed document's signatures long-term (PAdES B-LT, then B-LTA): the chain and
     * the imported revocation lists in a DSS dictionary and a document timestamp over them, added as a
     * new revision that keeps every signature valid. Refused with the reason when there is nothing to
     * add it with (no timestamp service, no revocation data for a certificate).
     */
    access: ['secretary', 'director', 'archivist'],
    input: z.object({ id: ref() }),
    output: documentItem,
  },
  'documents.verify': {
    /** Checks the signatures of any PDF (a generated one, or one received). */
    access: 'signedIn',
    input: z.object({ name: optionalText(255), bytes }),
    output: verificationReport,
  },
  // ---- Revocation data for checking signatures offline (issue 12) ----
  'trust.revocation': {
    access: ADMINISTRATORS,
    input: z.object({}),
    output: revocationView,
  },
  'trust.importCrl': {
    /** A CRL file (DER or PEM); `issuer` is the issuing CA's certificate when it is not one of the trusted roots. */
    access: ADMINISTRATORS,
    input: z.object({ name: optionalText(255), bytes, issuer: bytes.optional() }),
    output: revocationView,
  },
  'trust.removeCrl': {
    access: ADMINISTRATORS,
    input: z.object({ id: ref(64) }),
    output: revocationView,
  },
  'trust.setRevocationPolicy': {
    /** Whether a signature whose certificate has no revocation data is INDETERMINATE (TRY_LATER). */
    access: ADMINISTRATORS,
    input: z.object({ required: z.boolean() }),
    output: revocationView,
  },
  // ---- Trusted lists (ETSI TS 119 612) as trust anchors, and what makes a signature a QES (issue 18) ----
  'trust.trustedLists': {
    access: ADMINISTRATORS,
    input: z.object({}),
    output: trustedListsView,
  },
  'trust.importTrustedList': {
    /**
     * A trusted list's XML file and its scheme operator's certificate (PEM or DER). Refused with the
     * reason unless the list's one XML signature covers it whole and verifies with that certificate,
     * it is current, and it is newer than the territory's list already imported.
     */
    access: ADMINISTRATORS,
    input: z.object({ name: optionalText(255), bytes, operator: bytes }),
    output: trustedListsView,
  },
  'trust.removeTrustedList': {
    access: ADMINISTRATORS,
    input: z.object({ id: ref(64) }),
    output: trustedListsView,
  },
  // ---- Signing in (the users-and-roles issue) ----
  'auth.status': {
    access: 'anyone',
    whileLocked: true,
    input: z.object({}),
    output: z.object({
      /** false until the first administrator has been created (the app then asks for one). */
      setUp: z.boolean(),
      user: sessionUser.nullable(),
      /** The session is locked after idle time and waits for the password again. */
      locked: z.boolean(),
      idleMinutes: z.number().int(),
    }),
  },
  'auth.createAdministrator': {
    access: 'anyone',
    input: z.object({ username, displayName, password: newPassword }),
    output: z.object({ session: z.string(), user: sessionUser }),
  },
  'auth.login': {
    access: 'anyone',
    input: z.object({ username: loginName, password: givenPassword }),
    output: z.object({ session: z.string(), user: sessionUser }),
  },
  'auth.logout': {
    access: 'signedIn',
    whileLocked: true,
    input: z.object({}),
    output: z.object({}),
  },
  'auth.unlock': {
    access: 'signedIn',
    whileLocked: true,
    input: z.object({ password: givenPassword }),
    output: sessionUser,
  },
  'auth.lock': {
    /** The UI locked itself after idle time: the back end locks the session too. */
    access: 'signedIn',
    whileLocked: true,
    input: z.object({}),
    output: z.object({}),
  },
  'auth.touch': {
    /** The user is at the keyboard: keeps the session from locking while they read without calls. */
    access: 'signedIn',
    input: z.object({}),
    output: z.object({}),
  },
  'auth.changePassword': {
    access: 'signedIn',
    /** It asks for the current password, so a locked session may use it (and is unlocked by it). */
    whileLocked: true,
    input: z.object({ currentPassword: givenPassword, newPassword }),
    output: sessionUser,
  },
  'users.list': {
    access: ADMINISTRATORS,
    input: z.object({}),
    output: z.array(userView),
  },
  'users.create': {
    access: ADMINISTRATORS,
    input: userInput.extend({ password: newPassword }),
    output: userView,
  },
  'users.update': {
    access: ADMINISTRATORS,
    /** `revision`: the user's revision the form was based on; refused with STALE_REVISION when changed since. */
    input: z.object({ id: ref(), revision: userRevision, displayName, roles: z.array(role).min(1, { error: 'rolesRequired' }), active: z.boolean() }),
    output: userView,
  },
  'users.resetPassword': {
    access: ADMINISTRATORS,
    input: z.object({ id: ref(), revision: userRevision, password: newPassword }),
    output: userView,
  },
  'audit.list': {
    access: ADMINISTRATORS,
    input: z.object({
      subjectId: ref().optional(),
      userId: ref().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
    output: z.array(auditEntry),
  },
  'audit.verify': {
    access: ADMINISTRATORS,
    input: z.object({}),
    output: z.union([
      z.object({ ok: z.literal(true), count: z.number().int() }),
      z.object({
        ok: z.literal(false),
        count: z.number().int(),
        firstBadSeq: z.number().int(),
        problem: z.enum(['altered', 'removed', 'reordered', 'unreadable']),
      }),
    ]),
  },
  // ---- Rollback and truncation detection (issue 16) ----
  'audit.integrity': {
    /** What the integrity manifest found: files put back from older copies, a cut trail… (store/manifest.ts). */
    access: ADMINISTRATORS,
    input: z.object({}),
    output: integrityReport,
  },
  'audit.acceptIntegrity': {
    /** The administrator takes the directory as it is now as its current state (audited with what was found). */
    access: ADMINISTRATORS,
    input: z.object({ confirm: z.literal(true) }),
    output: integrityReport,
  },
  // ---- The archivist's desk: case packages, the dossier sent (V-77 p. 7), backups (issue 15) ----
  'archive.exportCase': {
    access: ARCHIVISTS,
    input: exportCaseInput,
    output: writtenPackage,
  },
  'archive.exportClosed': {
    /** Every case closed (in a final state) in a year, one package each, into a new folder; progress as archive.progress events. */
    access: ARCHIVISTS,
    input: exportClosedInput,
    output: exportClosedOutput,
  },
  'archive.cancel': {
    access: ARCHIVISTS,
    input: z.object({ jobId: ref(64) }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'archive.sendDossier': {
    /** V-77 p. 7: the dossier package for the other institution's director, and the sending recorded on the case. */
    access: DOSSIER_SENDERS,
    input: sendDossierInput,
    output: z.object({ package: writtenPackage, case: caseView }),
  },
  'archive.stagePackage': {
    /** Check a package (nothing is written but the file kept for the decision); the report says what importing it would add. */
    access: PACKAGE_HANDLERS,
    /** `password`: a package protected with one (AES-256 entries). */
    input: z.object({ name: fileName, bytes, password: raw(ref().max(200), 'the package’s password, set by whoever protected it').optional() }),
    output: packageInspection,
  },
  'archive.importPackage': {
    access: PACKAGE_HANDLERS,
    input: importPackageInput,
    output: importPackageOutput,
  },
  'archive.discardPackage': {
    access: PACKAGE_HANDLERS,
    input: z.object({ stageId: ref() }),
    output: z.object({}),
  },
  'archive.backup': {
    /** The whole data directory, still sealed under its key, as one file (a quiesced snapshot). */
    access: ADMINISTRATORS,
    input: z.object({}),
    output: backupOutput,
  },
  // ---- The data key's slots (issue 16, electron/services/keys/app.ts) ----
  'keys.list': {
    access: ADMINISTRATORS,
    input: z.strictObject({}),
    output: keySlotsView,
  },
  'keys.addPassphrase': {
    /** Each slot change needs an existing slot's secret (`current`) and is audited. */
    access: ADMINISTRATORS,
    input: addPassphraseInput,
    output: keySlotView,
  },
  'keys.enrol': {
    /** This workstation's OS secret store as a new slot (the desktop app only). */
    access: ADMINISTRATORS,
    input: z.strictObject({ current: keyProof }),
    output: keySlotView,
  },
  'keys.newRecoveryKey': {
    /** A new recovery key replaces the old one; returned this once, to be written down. */
    access: ADMINISTRATORS,
    input: z.strictObject({ current: keyProof }),
    output: newRecoveryKeyOutput,
  },
  'keys.remove': {
    /** Never the last slot; the one that opened this run only with `confirmOpening`. */
    access: ADMINISTRATORS,
    input: removeSlotInput,
    output: keySlotView,
  },
  'keys.takeRecoveryKey': {
    /** The recovery key made with a new directory's data key, to the first administrator, once; null afterwards. */
    access: ADMINISTRATORS,
    input: z.strictObject({}),
    output: z.strictObject({ recoveryKey: z.string().nullable() }),
  },
  'keys.unlock': {
    /**
     * The desktop app's unlock page, when this workstation's OS store does not open the directory:
     * a passphrase or the recovery key opens it (answered by electron/main/unlockGate.ts; an open
     * directory refuses it with DATA_KEY_ALREADY_OPEN). `enrolOffered`: the page then offers to
     * enrol this workstation.
     */
    access: 'anyone',
    input: z.strictObject({ secret: keySecret }),
    output: z.strictObject({ enrolOffered: z.boolean() }),
  },
  'keys.enrolAtUnlock': {
    /** The answer to that offer, once, right after the unlock: the secret just typed is the proof. */
    access: 'anyone',
    input: z.strictObject({ enrol: z.boolean() }),
    output: z.strictObject({ slot: keySlotView.nullable() }),
  },
} as const satisfies Record<string, { access: Access; whileLocked?: boolean; input: z.ZodType; output: z.ZodType }>);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Who is calling: the signed-in user and their session, or nobody (for 'anyone' methods). */
export interface Caller {
  user: SessionUser | null;
  session?: string;
}

/** What a feature implements: a handler per method, given validated input and the caller. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>, caller: Caller) => Promise<MethodOutput<M>> };

export function accessOf(method: MethodName): Access {
  return contract[method].access;
}

/** Methods a locked session may still call: its status, unlocking it, signing out. */
export function allowedWhileLocked(method: MethodName): boolean {
  const spec = contract[method];
  return 'whileLocked' in spec && spec.whileLocked === true;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
