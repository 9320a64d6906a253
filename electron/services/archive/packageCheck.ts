import { basename } from 'node:path';
import { PACKAGE_FORMAT, PACKAGE_SCHEMA_VERSION, casePackageRecord, type CasePackageRecord, type PackageInspection } from '../../../shared/contract/archiveSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { AuditEntry } from '../audit/auditLog';
import { verifyPdf, type PdfCheck, type VerifyOptions } from '../signing/pdfVerify';
import { proofAgainstTrail, proofHolds, type AuditLink } from './auditProof';
import type { BagProblem, OpenedBag, PackageLimits } from './bagTypes';
import { DEFAULT_PACKAGE_LIMITS, openBag } from './bagit';

/**
 * Checking a case package before anything is written (issue 15): the bag in full (structure,
 * completeness, every checksum, the tag manifest, Payload-Oxum), then data/case.json (its format and
 * schema version, its shape), that every file the record names is in the bag with the hash the
 * record gives and that the bag holds nothing the record does not name, the signatures of every
 * signed PDF with the verifier of issue 12 (a tampered signed document FAILS), and the proof of the
 * audit entries. What it finds is data: the archivist reads it before deciding.
 */

/** data/case.json and the audit files are records, not documents: larger is not ours. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** A PDF is kept whole while its signatures are checked: up to the largest document the settings allow (500 MB). */
const MAX_SIGNED_PDF_BYTES = 512 * 1024 * 1024;

export interface CheckEnvironment {
  verifyOptions: VerifyOptions;
  /** The local audit trail, when the check runs in an institution's app (its links confirm the package's). */
  trail?: () => readonly AuditEntry[];
  limits?: PackageLimits;
  password?: string;
}

export interface PackageCheck {
  inspection: Omit<PackageInspection, 'exists' | 'importable'>;
  record: CasePackageRecord | undefined;
  bag: OpenedBag;
}

/** The folders of a package that hold documents (dossier, generated, received): every PDF there is checked for signatures. */
const DOCUMENT_FOLDERS = ['data/dossier/', 'data/documents/', 'data/acts/'];
const PDF_HEADER = Buffer.from('%PDF-');
/** A case's or document's id as the stores accept it. */
const STORE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const problem = (code: string, extra: Omit<BagProblem, 'code'> = {}): BagProblem => ({ code, ...extra });

/** Open and check a package file. Throws (a DomainError with a code) only when it is not a package at all. */
export async function checkPackage(path: string, env: CheckEnvironment, name = basename(path)): Promise<PackageCheck> {
  const bag = await openBag(path, env.limits ?? DEFAULT_PACKAGE_LIMITS, env.password !== undefined ? { password: env.password } : {});
  try {
    // The signatures of every signed PDF are checked as the one read of the package passes it (issue 12's verifier).
    const checked = new Map<string, PdfCheck>();
    const report = await bag.verify({
      inspect: {
        // Chosen by where the documents lie, not by a name's extension; a PDF is told by its content.
        wants: (path) => DOCUMENT_FOLDERS.some((folder) => path.startsWith(folder)),
        maxBytes: MAX_SIGNED_PDF_BYTES,
        seen: (path, bytes) => {
          if (bytes.subarray(0, 1024).includes(PDF_HEADER)) checked.set(path, verifyPdf(bytes, env.verifyOptions));
        },
      },
    });
    const problems: BagProblem[] = [...report.problems];
    const record = await readRecord(bag, problems);
    const signatures: PackageInspection['signatures'] = [];
    let auditProof: PackageInspection['auditProof'] = 'absent';
    let auditTrail: PackageInspection['auditTrail'] = 'notChecked';
    if (record) {
      checkFiles(record, report.payload, problems);
      signaturesOf(record, checked, signatures, problems);
      if (record.audit) {
        const entries = await readJson(bag, record.audit.entriesPath, problems);
        const links = await readJson(bag, record.audit.chainPath, problems);
        const holds =
          Array.isArray(entries) &&
          Array.isArray(links) &&
          entries.length === record.audit.entries &&
          proofHolds(entries as Record<string, unknown>[], links as AuditLink[], record.audit.head);
        auditProof = holds ? 'valid' : 'broken';
        if (!holds) problems.push(problem('ARCHIVE_AUDIT_PROOF'));
        else if (env.trail) {
          // The institution's own trail proves the links, and that no entry about the case or its documents was left out.
          const subjects = new Set([record.case?.id ?? '', ...record.generated.map((g) => g.document.id)]);
          auditTrail = proofAgainstTrail(links as AuditLink[], record.audit.trailId, env.trail(), { entries: entries as { seq: number }[], subjects });
        }
        if (auditTrail === 'differs') problems.push(problem('ARCHIVE_AUDIT_DIFFERS'));
      }
    }
    const subject = record?.case ?? record?.dossier;
    const inspection: PackageCheck['inspection'] = {
      fileName: name,
      sha256: bag.sha256,
      bytes: bag.bytes,
      intact: problems.length === 0,
      ...(record ? { kind: record.kind, schemaVersion: record.schemaVersion, institution: record.institution.name, exportedAt: record.exportedAt, exportedBy: record.exportedBy.name } : {}),
      ...(record?.case ? { caseId: record.case.id } : record?.dossier ? { caseId: record.dossier.caseId } : {}),
      ...(subject ? { convict: { firstName: subject.convict.firstName, lastName: subject.convict.lastName, personalFileNo: subject.convict.personalFileNo } } : {}),
      counts: {
        dossierDocuments: record?.dossierFiles.length ?? 0,
        generatedDocuments: record?.generated.length ?? 0,
        acts: record?.acts.length ?? 0,
        payloadFiles: report.payloadFiles,
        payloadBytes: report.payloadBytes,
      },
      problems: problems.map((p) => ({ code: p.code, ...(p.path !== undefined ? { path: p.path } : {}), ...(p.expected !== undefined ? { expected: p.expected } : {}), ...(p.found !== undefined ? { found: p.found } : {}) })),
      signatures,
      auditProof,
      auditTrail,
    };
    return { inspection, record, bag };
  } catch (e) {
    await bag.close();
    throw e;
  }
}

async function readJson(bag: OpenedBag, path: string, problems: BagProblem[]): Promise<unknown> {
  if (!bag.paths.includes(path)) {
    problems.push(problem('ARCHIVE_RECORD_FILE_MISSING', { path }));
    return undefined;
  }
  try {
    return JSON.parse((await bag.read(path, MAX_RECORD_BYTES)).toString('utf8')) as unknown;
  } catch (e) {
    if (e instanceof DomainError && e.code !== 'ARCHIVE_RECORD_INVALID') throw e;
    problems.push(problem('ARCHIVE_RECORD_INVALID', { path }));
    return undefined;
  }
}

/** data/case.json: our format, a schema version this app reads, the shape of that version. */
async function readRecord(bag: OpenedBag, problems: BagProblem[]): Promise<CasePackageRecord | undefined> {
  const raw = await readJson(bag, 'data/case.json', problems);
  if (raw === undefined) return undefined;
  const head = raw as { format?: unknown; schemaVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== PACKAGE_FORMAT) {
    problems.push(problem('ARCHIVE_NOT_CASE', { path: 'data/case.json' }));
    return undefined;
  }
  if (head.schemaVersion !== PACKAGE_SCHEMA_VERSION) {
    problems.push(problem('ARCHIVE_SCHEMA_VERSION', { path: 'data/case.json', expected: String(PACKAGE_SCHEMA_VERSION), found: String(head.schemaVersion) }));
    return undefined;
  }
  const parsed = casePackageRecord.safeParse(raw);
  if (!parsed.success) {
    problems.push(problem('ARCHIVE_RECORD_INVALID', { path: 'data/case.json', found: parsed.error.issues[0]?.path.join('.') ?? '' }));
    return undefined;
  }
  return parsed.data;
}

/** Every file the record names is in the bag with its hash; the bag holds nothing the record does not name. */
function checkFiles(record: CasePackageRecord, payload: ReadonlyMap<string, string>, problems: BagProblem[]): void {
  const named = new Map<string, string | undefined>([
    ['data/case.json', undefined],
    ['data/case.schema.json', undefined],
    [record.mergedDossier.path, undefined],
  ]);
  const name = (path: string, sha: string) => {
    const before = named.get(path);
    // One path named twice with two contents: the record contradicts itself.
    if (before !== undefined && before !== sha) problems.push(problem('ARCHIVE_RECORD_MISMATCH', { path, expected: before, found: sha }));
    named.set(path, sha);
  };
  for (const f of record.dossierFiles) name(f.path, f.sha256);
  for (const g of record.generated) for (const f of g.files) name(f.path, f.sha256);
  for (const a of record.acts) name(a.path, a.sha256);
  if (record.audit) {
    named.set(record.audit.entriesPath, undefined);
    named.set(record.audit.chainPath, undefined);
  }
  for (const [path, sha] of named) {
    const found = payload.get(path);
    if (found === undefined) problems.push(problem('ARCHIVE_RECORD_FILE_MISSING', { path }));
    else if (sha !== undefined && found !== sha) problems.push(problem('ARCHIVE_RECORD_MISMATCH', { path, expected: sha, found }));
  }
  for (const path of payload.keys()) if (!named.has(path)) problems.push(problem('ARCHIVE_UNNAMED_FILE', { path }));
  // The record's own documents are each in the bag (the dossier's versions, the acts' copies).
  const files = new Set(record.dossierFiles.map((f) => f.sha256));
  const items = (record.case?.dossier ?? record.dossier?.dossier)?.items ?? {};
  for (const item of Object.values(items)) for (const d of item.documents) for (const v of d.versions) if (!files.has(v.sha256)) problems.push(problem('ARCHIVE_RECORD_FILE_MISSING', { path: v.name }));
  for (const g of record.generated) for (const v of g.document.versions) if (!g.files.some((f) => f.sha256 === v.sha256)) problems.push(problem('ARCHIVE_RECORD_FILE_MISSING', { path: g.document.registrationNumber }));
  // The copies of received acts the case names are the package's, with their hashes.
  const acts = new Map(record.acts.map((a) => [a.actId, a.sha256]));
  for (const act of record.case?.acts ?? []) if (acts.get(act.id) !== act.file.sha256) problems.push(problem('ARCHIVE_RECORD_FILE_MISSING', { path: act.file.name }));
  // Ids the stores will accept: a case or document of another shape would be refused half-way through the import.
  const ids = [record.case?.id, ...record.generated.map((g) => g.document.id)].filter((id): id is string => id !== undefined);
  for (const id of ids) if (!STORE_ID.test(id)) problems.push(problem('ARCHIVE_RECORD_INVALID', { path: 'data/case.json', found: id }));
}

/** The signed PDFs the record names (generated documents, dossier PDFs, received acts), as their check found them. */
function signaturesOf(record: CasePackageRecord, checked: ReadonlyMap<string, PdfCheck>, out: PackageInspection['signatures'], problems: BagProblem[]): void {
  const pdfs: { path: string; title: string }[] = [
    ...record.generated.flatMap((g) => g.files.map((f) => ({ path: f.path, title: `${g.document.registrationNumber} ${g.document.title} (v${f.version})`.trim() }))),
    ...record.dossierFiles.map((f) => ({ path: f.path, title: `${f.item}: ${f.name}` })),
    ...record.acts.map((a) => ({ path: a.path, title: a.name })),
  ];
  // How many signatures each version of a generated document carries, by its record (each signature makes a version).
  const expected = new Map<string, number>();
  for (const g of record.generated) {
    let signed = 0;
    g.document.versions.forEach((v, i) => {
      if (v.signature) signed++;
      const file = g.files.find((f) => f.version === i + 1);
      if (file && signed > 0) expected.set(file.path, signed);
    });
  }
  for (const { path, title } of pdfs) {
    const check = checked.get(path);
    const claimed = expected.get(path) ?? 0;
    if (claimed > 0 && (check === undefined || check.signatures.filter((s) => s.type !== 'documentTimestamp').length < claimed)) {
      // The record says this version is signed, and the file does not carry those signatures.
      problems.push(problem('ARCHIVE_SIGNATURE_MISSING', { path, expected: String(claimed), found: String(check?.signatures.length ?? 0) }));
    }
    if (!check || check.signatures.length === 0) continue;
    out.push({
      path,
      title,
      indication: check.indication,
      signatures: check.signatures.map((s) => ({ indication: s.indication, subIndication: s.subIndication, signer: s.cms.signer?.commonName ?? s.cms.signer?.subject ?? null })),
    });
    if (check.indication === 'FAILED') problems.push(problem('ARCHIVE_SIGNATURE_FAILED', { path }));
  }
}
