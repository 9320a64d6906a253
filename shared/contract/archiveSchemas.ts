import { z } from 'zod';
import { isoDate, oneLine, ref, secret } from './fieldSchemas';
import { caseRecord } from './schemas';
import { documentKind, dossierItemId, dossierRecord } from './dossierSchemas';
import { generatedDocument } from './documentSchemas';
import { INDICATIONS, SUB_INDICATIONS } from './verificationSchemas';

/**
 * The archivist's desk (issue 15): what a case package holds (data/case.json, whose JSON Schema is
 * data/case.schema.json in the same bag), and what the methods that export, send, inspect and
 * import packages take and give. A package is a BagIt 1.0 bag in a zip (docs/adr/0006).
 */

/** The version of data/case.json's layout; a package of another version is refused on import. */
export const PACKAGE_SCHEMA_VERSION = 1;
export const PACKAGE_FORMAT = 'pusiaukele-case-package';

/** 'case': the whole case for the archive; 'dossier': items 6.1–6.11 sent to another institution (V-77 p. 7). */
export const packageKind = z.enum(['case', 'dossier']);
export type PackageKind = z.infer<typeof packageKind>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A path inside the bag's payload. */
const payloadPath = z.string().regex(/^data\/[^\\]+$/).max(400);

/** One version of one dossier document, where it lies in the bag, and its original name. */
export const packagedDossierFile = z.object({
  item: dossierItemId,
  documentId: z.string(),
  version: z.number().int().min(1),
  path: payloadPath,
  sha256,
  size: z.number().int().min(1),
  name: z.string(),
  kind: documentKind,
});

/** A generated document's record and the bag's file of each of its versions (the last one signed). */
export const packagedGenerated = z.object({
  document: generatedDocument,
  files: z.array(z.object({ version: z.number().int().min(1), path: payloadPath, sha256 })).min(1),
});

/** The copy of a document received from elsewhere (V-77 p. 8, 17, 18, 47, 51). */
export const packagedAct = z.object({ actId: z.string(), path: payloadPath, sha256, name: z.string() });

/** One entry of the audit trail as the trail holds it (hash chained to the one before). */
export const packagedAuditEntry = z
  .object({ seq: z.number().int().min(1), at: z.string(), prevHash: sha256, hash: sha256, method: z.string() })
  .loose();

/** A link of the chain: enough to follow it across the entries about other subjects, whose contents stay home. */
export const auditLink = z.object({ seq: z.number().int().min(1), prevHash: sha256, hash: sha256 });

/** The dossier sent to another institution (V-77 p. 7): who the convict is, the request, the items. */
export const packagedDossier = z.object({
  caseId: z.string(),
  convict: caseRecord.shape.convict,
  request: caseRecord.shape.request,
  dossier: dossierRecord,
});

/** data/case.json. */
export const casePackageRecord = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
    kind: packageKind,
    exportedAt: z.string(),
    exportedBy: z.object({ userId: z.string(), name: z.string() }),
    institution: z.object({ name: z.string(), code: z.string().optional() }),
    /** The whole case ('case' packages). */
    case: caseRecord.optional(),
    /** The dossier only ('dossier' packages). */
    dossier: packagedDossier.optional(),
    dossierFiles: z.array(packagedDossierFile),
    generated: z.array(packagedGenerated),
    acts: z.array(packagedAct),
    mergedDossier: z.object({ path: payloadPath }),
    /**
     * The case's audit entries in full (entriesPath), and the chain's links from the first of them to
     * the head of the trail when exported (chainPath): the entries are proved against the trail by
     * recomputing their hashes and following prevHash to the head; the institution's own trail
     * confirms the links (`npm run cli -- verify PACKAGE --data DIR`).
     */
    audit: z
      .object({ entriesPath: payloadPath, chainPath: payloadPath, entries: z.number().int().min(0), head: auditLink.nullable(), trailId: sha256.nullable() })
      .optional(),
  })
  .refine((p) => (p.kind === 'case' ? p.case !== undefined : p.dossier !== undefined), { message: 'case or dossier missing for the kind' });
export type CasePackageRecord = z.infer<typeof casePackageRecord>;

// ---- Methods ----

/** The user confirms that the package holds personal data in clear (the app says so before writing it). */
const personalData = z.literal(true);
/** A password protects every entry with AES-256 (7-Zip opens it; docs/adr/0006): a new secret, set here. */
const packagePassword = secret(z.string()).min(8).max(200).optional();

export const exportCaseInput = z.object({ caseId: ref(), personalData, password: packagePassword });
export const sendDossierInput = z.object({ caseId: ref(), revision: z.number().int().min(1), on: isoDate, personalData, password: packagePassword });
export const exportClosedInput = z.object({
  year: z.number().int().min(2000).max(2100),
  personalData,
  password: packagePassword,
  /** Chosen by the window, so that it can cancel the run (archive.cancel) and follow its progress events. */
  jobId: oneLine(z.string()).regex(/^[A-Za-z0-9_-]{6,64}$/),
});

/** A package as written: where (on this machine), its digest, its size. */
export const writtenPackage = z.object({
  path: z.string(),
  name: z.string(),
  sha256,
  bytes: z.number().int(),
  payloadFiles: z.number().int(),
  caseId: z.string().optional(),
});
export type WrittenPackage = z.infer<typeof writtenPackage>;

export const exportClosedOutput = z.object({
  folder: z.string(),
  packages: z.array(writtenPackage),
  /** Cases that could not be exported (a damaged case file, a missing document), with the reason's code. */
  failed: z.array(z.object({ caseId: z.string(), code: z.string() })),
  cancelled: z.boolean(),
});

/** One signed document of a package, as its check found it (the verifier of issue 12). */
export const packageSignatureCheck = z.object({
  path: z.string(),
  title: z.string(),
  indication: z.enum(INDICATIONS),
  signatures: z.array(z.object({ indication: z.enum(INDICATIONS), subIndication: z.enum(SUB_INDICATIONS).nullable(), signer: z.string().nullable() })),
});

/** A problem found in a package: a code from the catalogue (errorTexts/packages, archive) and its parameters. */
export const packageProblem = z.object({ code: z.string(), path: z.string().optional(), expected: z.string().optional(), found: z.string().optional() });

/** What a package holds and what its check found: shown before anything is written. */
export const packageInspection = z.object({
  /** The package waiting for the user's decision (archive.importPackage / archive.discardPackage). */
  stageId: z.string().optional(),
  fileName: z.string(),
  sha256,
  bytes: z.number().int(),
  /** Structure, completeness, every checksum, tag manifest, Payload-Oxum, the schema version, the records' consistency. */
  intact: z.boolean(),
  /**
   * Whether importing it is allowed: intact, no signed document failed, the user's role fits the
   * kind. When the case is here (`exists`), only as a new case.
   */
  importable: z.boolean(),
  kind: packageKind.optional(),
  schemaVersion: z.number().optional(),
  caseId: z.string().optional(),
  convict: z.object({ firstName: z.string(), lastName: z.string(), personalFileNo: z.string() }).optional(),
  institution: z.string().optional(),
  exportedAt: z.string().optional(),
  exportedBy: z.string().optional(),
  /** A case with this id is here already: it is never overwritten (importing as a new case is offered). */
  exists: z.boolean(),
  counts: z.object({ dossierDocuments: z.number().int(), generatedDocuments: z.number().int(), acts: z.number().int(), payloadFiles: z.number().int(), payloadBytes: z.number().int() }),
  problems: z.array(packageProblem),
  signatures: z.array(packageSignatureCheck),
  /** The audit entries' proof: 'valid' (hashes and chain hold), 'broken', 'absent' (a dossier package carries none). */
  auditProof: z.enum(['valid', 'broken', 'absent']),
  /** Against this institution's own trail: every link found there, a link that differs, or not checkable (another institution's trail). */
  auditTrail: z.enum(['confirmed', 'differs', 'notChecked']),
});
export type PackageInspection = z.infer<typeof packageInspection>;

export const importPackageInput = z.object({ stageId: ref(), asNewCase: z.boolean() });
export const importPackageOutput = z.object({ caseId: z.string(), documents: z.number().int(), asNewCase: z.boolean() });

export const backupOutput = writtenPackage.extend({ files: z.number().int() });

/**
 * The largest package the app takes as an upload (the browser host's largest call carrying a file);
 * the command line reads packages of any size within the package limits.
 */
export const MAX_STAGED_PACKAGE_MEGABYTES = 500;
