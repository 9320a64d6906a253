import { z } from 'zod';
import { DOCUMENT_KINDS } from '../domain/documents/documentModel';
import { GENDERS } from '../domain/documents/signers';
import { TRANSFER_NOTICE_ANNEXES } from '../domain/documents/transferNotice';
import { isoDate, longText, oneLine, optionalText, raw, ref, text } from './fieldSchemas';
import { bytes } from './dossierSchemas';
import { isStatisticsPeriod } from '../domain/statistics';
import { statisticsPeriod } from './statisticsSchemas';
import { PADES_LEVELS } from './verificationSchemas';

/**
 * The documents the app generates and the director signs (DESIGN §1, V-77 p. 9–16, 45–46): their
 * registration, their versions (each signature is a new revision of the same file, the earlier bytes
 * kept as they were) and the checks of any PDF's signatures.
 */
export const generatedKind = z.enum(DOCUMENT_KINDS);
export const signerRole = z.enum(['director', 'chair', 'secretary', 'halfwayHouseEmployee']);

/** The longest reason the director (p. 15, 46) or the halfway-house employee (p. 45) writes. */
export const DOCUMENT_REASON_MAX = 8000;

export const documentReason = longText(DOCUMENT_REASON_MAX);

/**
 * Issue 12: the official who signs the director's line, chosen before issuing: the director
 * ('director', the default) or the id of a deputy acting as director. The document then names them.
 */
export const directorChoice = ref(64);

/** What a document is generated from: the meeting (minutes), the institution (list) or a case. */
export const documentRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minutes'), meetingId: ref() }),
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('proposal'), caseId: ref() }),
  /**
   * Issue 14: an order (p. 13) or a submission (p. 14) for a convict beyond the first waiting ones
   * on the list (p. 12) passes over them and needs a written reason (PASS_OVER_REASON_REQUIRED).
   */
  z.object({ kind: z.enum(['order', 'submission']), caseId: ref(), signedBy: directorChoice.optional(), passOverReason: documentReason.optional() }),
  z.object({ kind: z.literal('letter'), caseId: ref(), signedBy: directorChoice.optional() }),
  /** V-77 p. 15, 45, 46: the reasons are the signer's own, written for this document. */
  z.object({ kind: z.enum(['declineDecision', 'returnDecision']), caseId: ref(), reason: documentReason, signedBy: directorChoice.optional() }),
  /** V-77 p. 45: the submission to return the convict names the documents that support its reasons. */
  z.object({
    kind: z.literal('returnSubmission'),
    caseId: ref(),
    reason: documentReason,
    /**
     * V-77 p. 44: the grounds (BVK art. 69 part 3) chosen from the settings' catalogue, by id; required
     * when the catalogue has any (the back end checks them against it).
     */
    grounds: z.array(ref(64)).max(50).optional(),
    annexes: z.array(text(300)).max(30).default([]),
  }),
  /**
   * V-77 p. 47: for our convict who asked for another institution's halfway house (route 'sends'), the
   * director tells that institution's director of the circumstances (`reason`) that make the convict
   * ineligible under p. 3. Signed, it takes the case to "ineligible".
   */
  z.object({ kind: z.literal('p47Notice'), caseId: ref(), reason: documentReason, signedBy: directorChoice.optional() }),
  /**
   * Seed 001 (the social integration model): the notice of the release to the municipality
   * administration, at least 6 months before the possible parole date, with the institution's social
   * worker as the contact. Signed, it is recorded on the case (the release term is then met).
   */
  z.object({
    kind: z.literal('municipalityNotice'),
    caseId: ref(),
    municipality: text(300),
    socialWorker: z.object({
      name: text(200),
      phone: optionalText(50).default(''),
      email: optionalText(200)
        .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(v), { error: 'invalid' })
        .default(''),
    }),
    signedBy: directorChoice.optional(),
  }),
  /**
   * V-77 p. 22–23, route 'sends': the notice to the director of the other institution that granted the
   * request: the convict leaves on `departureOn`, arrives by 15:00 that working day, the personal file
   * is sent the same day; the annexes ("PRIDEDAMA") are the photo and the personal marks by default.
   */
  z.object({
    kind: z.literal('transferNotice'),
    caseId: ref(),
    departureOn: isoDate,
    annexes: z.array(text(300)).max(30).default([...TRANSFER_NOTICE_ANNEXES]),
    signedBy: directorChoice.optional(),
  }),
  /**
   * Issue 17: the report to the Prison Department on the period from `from` to `to` (both included):
   * the statistics as counted when it is issued, frozen in the document; the director signs it.
   */
  z.object({ kind: z.literal('statisticsReport'), ...statisticsPeriod.shape, signedBy: directorChoice.optional() }).refine(isStatisticsPeriod, { path: ['to'], error: 'invalid' }),
]);
export type DocumentRequest = z.infer<typeof documentRequest>;

export const signatureSlot = z.object({
  role: signerRole,
  name: z.string(),
  position: z.string(),
  /** Issue 12: who alone may sign this line: the official's personal code and user account, when recorded. */
  personalCode: z.string().optional(),
  userId: z.string().optional(),
  page: z.number().int().min(0),
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});

/** One signature as recorded when it was made. */
export const signatureRecord = z.object({
  role: signerRole,
  /** The signer's name from the certificate, and the certificate's details. */
  signerName: z.string(),
  certificate: z.object({ subject: z.string(), issuer: z.string(), serialNumber: z.string(), notAfter: z.string() }),
  by: z.object({ userId: z.string(), name: z.string() }),
  at: z.string(),
  method: z.enum(['pkcs12', 'pkcs11']),
  /** The time an RFC 3161 timestamp service attested, if one was used. */
  timestamp: z.string().optional(),
});
export type SignatureRecord = z.infer<typeof signatureRecord>;

/**
 * Issue 18: a version the institution added to make the signatures long-term (PAdES B-LTA: the
 * chain and the revocation lists in the document security store, and a document timestamp over them).
 */
export const extensionRecord = z.object({
  level: z.literal('B-LTA'),
  /** When it was added, and the time the document timestamp states. */
  at: z.string(),
  timestamp: z.string(),
});
export type ExtensionRecord = z.infer<typeof extensionRecord>;

/**
 * A version of the file (content hash in documents/): the issued document, then one per signature,
 * then, once every line is signed, one per long-term extension (issue 18). A version carries a
 * signature or an extension, or neither (the issued one).
 */
export const documentVersion = z.object({
  sha256: z.string(),
  size: z.number().int(),
  at: z.string(),
  signature: signatureRecord.optional(),
  extension: extensionRecord.optional(),
});

export const generatedDocument = z.object({
  id: z.string(),
  kind: generatedKind,
  /** e.g. 'proposal/10.3@1': the template that made it. */
  templateVersion: z.string(),
  registrationNumber: z.string(),
  date: isoDate,
  documentType: z.string(),
  title: z.string(),
  subject: z.string(),
  caseIds: z.array(z.string()),
  meetingId: z.string().optional(),
  request: documentRequest,
  createdAt: z.string(),
  createdBy: z.object({ userId: z.string(), name: z.string() }),
  slots: z.array(signatureSlot),
  versions: z.array(documentVersion).min(1),
  pageCount: z.number().int(),
  /** The document this one corrects; the corrected one is never changed, only marked. */
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
  /** Issue 12: the documents this one cites by number (ids); they are signed before it. */
  cites: z.array(z.string()).optional(),
  /**
   * Issue 14: the appeal (its id on the case) whose upholding annulled this act (V-77 p. 51). An
   * annulled act is kept as it was, no longer in force: another act of its kind may be issued.
   */
  annulledBy: z.string().optional(),
});
export type GeneratedDocument = z.infer<typeof generatedDocument>;

/**
 * A document as lists show it, with who still has to sign. `annulledBy`: the upheld appeal that put
 * it out of force (V-77 p. 51): the act it contested, or one spent with it (the documents of a
 * decision the case went back to the commission from, the return submission of an annulled return).
 */
export const documentItem = generatedDocument
  .pick({ id: true, kind: true, templateVersion: true, registrationNumber: true, date: true, documentType: true, title: true, subject: true, caseIds: true, createdAt: true, pageCount: true, replaces: true, replacedBy: true, annulledBy: true })
  .extend({
    meetingId: z.string().optional(),
    signatures: z.array(signatureRecord),
    /** The roles whose signature is still missing, in the order of the signature block. */
    awaiting: z.array(signerRole),
    /** The same lines with who signs them (issue 12: the queue is per person). */
    awaitingSigners: z.array(z.object({ role: signerRole, name: z.string(), position: z.string(), userId: z.string().optional() })).optional(),
    sha256: z.string(),
    /** Issue 18: the long-term extensions, with the version each made (after every signature's). */
    extensions: z.array(extensionRecord.extend({ version: z.number().int() })).optional(),
    /**
     * Issue 18: the PAdES level the signatures reach by the app's records: B-LTA once extended, B-T
     * when every signature has a timestamp, else B-B; absent without a signature. The file's own
     * check (documents.verify) says it of each signature.
     */
    level: z.enum(PADES_LEVELS).optional(),
  });
export type DocumentItem = z.infer<typeof documentItem>;

/**
 * How the signer proves who they are: a PKCS#12 file and its password, or a card's PIN. Both are set
 * elsewhere (the file's maker, the card) and only handed on: taken as given.
 */
export const signingCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pkcs12'), bytes, password: raw(z.string().max(1000), 'the PKCS#12 file’s password, set by its maker') }),
  z.object({ kind: z.literal('pkcs11'), pin: raw(z.string().min(1, { error: 'required' }).max(64), 'the card’s PIN, set on the card') }),
]);

/**
 * A Lithuanian personal code (asmens kodas): 11 digits, the first 1–6. Qualified certificates carry it
 * in the subject's serialNumber ("PNOLT-38001010000", ETSI EN 319 412-1). Empty when not recorded.
 */
export const personalCode = oneLine(z.string().trim())
  .regex(/^(|[1-6]\d{10})$/, { error: 'personalCode' })
  .optional();

/** The grammatical gender of a position title (Direktorius / Direktorė). Inferred from the name when absent (older files). */
export const gender = z.enum(GENDERS);

/**
 * Issue 12: an official who signs documents: a position, a name, the gender of the title, the
 * personal code that qualified certificates carry, and the user account that signs for them ('' =
 * any user with the line's role).
 */
const officialFields = {
  personalCode,
  gender: gender.optional(),
  userId: oneLine(z.string()).max(64, { error: 'tooLong' }).optional(),
};

export const official = z.object({ name: text(200), position: text(200), ...officialFields });
export type Official = z.infer<typeof official>;

/** A deputy director who may sign in the director's place when chosen before issuing. */
export const deputy = official.extend({ id: oneLine(z.string().trim()).min(1, { error: 'required' }).max(64, { error: 'tooLong' }) });
export type Deputy = z.infer<typeof deputy>;

/** The administrator's register (DESIGN §1): a prefix per kind, running numbers restart each year. */
export const registerSettings = z.object({
  /** The town written under the date. */
  place: text(100),
  /** V-77 p. 13–16, 46: the director signs the director's documents. */
  director: official,
  /** Deputies who may act as director (issue 12): chosen per document before it is issued. */
  deputies: z
    .array(deputy)
    .max(10)
    .optional()
    .superRefine((list, ctx) => {
      list?.forEach((d, i) => {
        if (d.id === 'director' || list.findIndex((o) => o.id === d.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'invalid' });
      });
    }),
  /** V-77 p. 12, 20, 45: the halfway-house employee the director appointed keeps and signs the list and signs the return submission. */
  halfwayHouseEmployee: z
    .object({ name: optionalText(200).default(''), position: optionalText(200).default(''), ...officialFields })
    .default({ name: '', position: '' }),
  /**
   * A prefix per kind. Partial: settings saved before a kind existed (issue 14 added the p. 47 and
   * the municipality notices) still load, and a kind without a prefix takes DEFAULT_PREFIXES' (zod 4's
   * record over an enum would demand every key).
   */
  prefixes: z.partialRecord(generatedKind, oneLine(z.string().trim()).min(1, { error: 'required' }).max(20, { error: 'tooLong' }).regex(/^[\p{L}\d.\-/]+$/u, { error: 'prefix' })),
});
export type RegisterSettings = z.infer<typeof registerSettings>;

export const DEFAULT_PREFIXES: Readonly<Record<(typeof DOCUMENT_KINDS)[number], string>> = {
  minutes: 'DK',
  proposal: 'DKS',
  order: 'V',
  declineDecision: 'SP',
  submission: 'T',
  letter: 'S',
  list: 'SR',
  returnSubmission: 'PT',
  returnDecision: 'SP',
  // The outgoing letters share one register and so one running number series (numbering is by prefix).
  p47Notice: 'S',
  municipalityNotice: 'S',
  transferNotice: 'S',
  statisticsReport: 'AT',
};

/** The prefix a kind is registered under: the register's, else the default (settings saved before the kind existed). */
export function prefixOf(register: Pick<RegisterSettings, 'prefixes'>, kind: (typeof DOCUMENT_KINDS)[number]): string {
  return register.prefixes[kind] ?? DEFAULT_PREFIXES[kind];
}
