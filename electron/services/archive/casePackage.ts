import { PassThrough, type Readable } from 'node:stream';
import { DomainError } from '../../../shared/domain/errors';
import { z } from 'zod';
import { PACKAGE_FORMAT, PACKAGE_SCHEMA_VERSION, casePackageRecord, type CasePackageRecord, type PackageKind } from '../../../shared/contract/archiveSchemas';
import type { GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { DOSSIER_ITEMS } from '../../../shared/domain/dossierItems';
import { CASE_STATE_LABELS } from '../../../shared/domain/stateLabels';
import type { AuditProof } from './auditProof';
import type { BagFileSource, BagInfo } from './bagTypes';
import { writeMergedDossier, type MergedDossierInput, type MergedSource } from './mergedDossier';

/**
 * What a case package holds (issue 15), as a list of files for the bag writer: nothing is read
 * before the writer asks for it, and every document is streamed from the store.
 *
 *   data/case.json            the record (format, schema version, the case or the dossier, where each file lies)
 *   data/case.schema.json     its JSON Schema (draft 2020-12)
 *   data/dossier/6.x/…        every version of every dossier document, under its original name
 *   data/documents/…          every version of every generated document (the last one signed)
 *   data/acts/…               the copies of the documents received from elsewhere
 *   data/dossier.pdf          the merged dossier: cover, contents, items 6.1–6.11, the commission's documents
 *   data/audit/entries.json   the case's audit entries; data/audit/chain.json the links to the trail's head
 *
 * A 'dossier' package (V-77 p. 7, to another institution) holds the convict, the request and items
 * 6.1–6.11 only: no evaluation, decision, generated document, internal timeline or audit entry.
 */

export interface DocumentSource {
  /** The document's bytes as a stream (errors at its end if the stored file is not authentic). */
  openStream(sha256: string): Readable;
}

export interface PackagePlanInput {
  kind: PackageKind;
  record: CaseRecord;
  /** The case's generated documents ('case' packages). */
  generated: readonly GeneratedDocument[];
  institution: { name: string };
  exportedBy: { userId: string; name: string };
  exportedAt: Date;
  documents: DocumentSource;
  audit?: AuditProof;
  fontsDir: string;
}

export interface PackagePlan {
  bagName: string;
  record: CasePackageRecord;
  payload: BagFileSource[];
  info: BagInfo;
}

/** A file name as the bag keeps it: the original's letters, NFC, without what a file system or `sha256sum -c` would trip on. */
export function safeFileName(name: string, fallback = 'dokumentas'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[\\/:*?"<>|%]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const short = [...cleaned].slice(0, 100).join('');
  return short === '' ? fallback : short;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The bag's name (the folder inside the zip) and the package file's: the kind and the case id, no personal data. */
export function packageNameOf(kind: PackageKind, caseId: string): string {
  return `${kind === 'case' ? 'byla' : 'medziaga'}-${safeFileName(caseId, 'byla').replace(/ /g, '_')}`;
}

/** The JSON Schema of data/case.json, written into every package. */
export function casePackageJsonSchema(): string {
  const schema = z.toJSONSchema(casePackageRecord, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: `urn:pusiaukele:case-package:${PACKAGE_SCHEMA_VERSION}`, title: 'Pusiaukelė: data/case.json' }, null, 2)}\n`;
}

/** The plan of a package: the record, the files in the order they are written, bag-info.txt. */
export function planCasePackage(input: PackagePlanInput): PackagePlan {
  const { record, kind } = input;
  const payload: BagFileSource[] = [];
  const items = record.dossier?.items ?? {};
  const dossierFiles: CasePackageRecord['dossierFiles'] = [];
  const merged: MergedDossierInput['items'][number][] = [];
  for (const item of DOSSIER_ITEMS) {
    const stored = items[item.id];
    const sources: MergedSource[] = [];
    (stored?.documents ?? []).forEach((doc, d) => {
      doc.versions.forEach((v, i) => {
        const path = `data/dossier/${item.id}/${pad(d + 1)}-v${i + 1}-${safeFileName(v.name)}`;
        dossierFiles.push({ item: item.id, documentId: doc.id, version: i + 1, path, sha256: v.sha256, size: v.size, name: v.name, kind: v.kind });
        payload.push({ path, size: v.size, open: () => input.documents.openStream(v.sha256) });
      });
      // The merged dossier shows what is in force: each document's current (last) version.
      const current = doc.versions[doc.versions.length - 1];
      if (current) sources.push({ title: current.name, name: current.name, kind: current.kind, size: current.size, open: () => wholeOf(input.documents.openStream(current.sha256), current.size, current.sha256) });
    });
    merged.push({ id: item.id, title: item.lt, documents: sources, facts: factLines(stored?.facts) });
  }

  const generated: CasePackageRecord['generated'] = [];
  const commission: MergedSource[] = [];
  const acts: CasePackageRecord['acts'] = [];
  if (kind === 'case') {
    input.generated.forEach((doc, d) => {
      const files = doc.versions.map((v, i) => {
        const path = `data/documents/${pad(d + 1)}-${safeFileName(doc.registrationNumber || doc.id)}-v${i + 1}.pdf`;
        payload.push({ path, size: v.size, open: () => input.documents.openStream(v.sha256) });
        return { version: i + 1, path, sha256: v.sha256 };
      });
      generated.push({ document: doc, files });
      const last = doc.versions[doc.versions.length - 1];
      if (last) commission.push({ title: `${doc.registrationNumber} ${doc.title}`.trim(), name: doc.title, kind: 'pdf', size: last.size, open: () => wholeOf(input.documents.openStream(last.sha256), last.size, last.sha256) });
    });
    (record.acts ?? []).forEach((act, a) => {
      const path = `data/acts/${pad(a + 1)}-${safeFileName(act.file.name)}`;
      acts.push({ actId: act.id, path, sha256: act.file.sha256, name: act.file.name });
      payload.push({ path, size: act.file.size, open: () => input.documents.openStream(act.file.sha256) });
    });
  }

  const convict = `${record.convict.firstName} ${record.convict.lastName}`;
  const mergedInput: MergedDossierInput = {
    institution: input.institution.name,
    caseId: record.id,
    title: kind === 'case' ? `Byla ${record.id}: ${convict}` : `Medžiaga (V-77 6 p.) ${record.id}: ${convict}`,
    summary: [
      ['Nuteistasis', `${convict}, gim. ${record.convict.birthDate}, asmens bylos Nr. ${record.convict.personalFileNo}`],
      ['Prašymo data', record.request.requestDate],
      ['Atlieka bausmę', record.request.servingInstitution.name],
      ['Prašomi pusiaukelės namai', record.request.halfwayHouse.name],
      ...(kind === 'case'
        ? ([
            ['Būsena', CASE_STATE_LABELS[record.state].lt],
            ...(record.facts.decision ? [['Komisijos sprendimas', `V-77 ${record.facts.decision} p.`] as const] : []),
          ] as const)
        : []),
    ],
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: input.exportedBy.name,
    items: merged,
    commission,
  };
  payload.push({
    path: 'data/dossier.pdf',
    open: () => {
      const out = new PassThrough({ highWaterMark: 1024 * 1024 });
      writeMergedDossier(mergedInput, out, input.fontsDir).then(
        () => out.end(),
        (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
      );
      return out;
    },
  });

  let audit: CasePackageRecord['audit'];
  if (kind === 'case' && input.audit) {
    const proof = input.audit;
    audit = { entriesPath: 'data/audit/entries.json', chainPath: 'data/audit/chain.json', entries: proof.entries.length, head: proof.head, trailId: proof.trailId };
    payload.push({ path: audit.entriesPath, open: () => jsonFile(proof.entries) });
    payload.push({ path: audit.chainPath, open: () => jsonFile(proof.links) });
  }

  const packageRecord: CasePackageRecord = {
    format: PACKAGE_FORMAT,
    schemaVersion: PACKAGE_SCHEMA_VERSION,
    kind,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: input.exportedBy,
    institution: { name: input.institution.name },
    ...(kind === 'case'
      ? { case: record }
      : { dossier: { caseId: record.id, convict: record.convict, request: record.request, dossier: { items: record.dossier?.items ?? {} } } }),
    dossierFiles,
    generated,
    acts,
    mergedDossier: { path: 'data/dossier.pdf' },
    ...(audit ? { audit } : {}),
  };
  payload.unshift({ path: 'data/case.json', open: () => jsonFile(packageRecord) }, { path: 'data/case.schema.json', open: () => Buffer.from(casePackageJsonSchema(), 'utf8') });

  const info: BagInfo = [
    ['Source-Organization', input.institution.name],
    ['External-Identifier', record.id],
    ['External-Description', kind === 'case' ? 'Pusiaukelės namų byla (LR kalėjimų departamento direktoriaus įsakymas V-77)' : 'Medžiaga dėl perkėlimo į pusiaukelės namus (V-77 6–7 p.)'],
    ['Pusiaukele-Package', kind],
    ['Pusiaukele-Schema-Version', String(PACKAGE_SCHEMA_VERSION)],
    ['Pusiaukele-Exported-At', input.exportedAt.toISOString()],
    ['Pusiaukele-Exported-By', input.exportedBy.name],
    ...(audit?.head ? ([['Pusiaukele-Audit-Head', `${audit.head.seq} ${audit.head.hash}`]] as const) : []),
  ];
  return { bagName: packageNameOf(kind, record.id), record: packageRecord, payload, info };
}

/**
 * A document's bytes whole (the merged dossier parses a PDF at random), streamed into one buffer of
 * its known size: the sealed file is never held beside the plain one. The stream's end proves them.
 */
async function wholeOf(stream: Readable, size: number, sha256: string): Promise<Buffer> {
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (at + chunk.length > size) {
      stream.destroy();
      throw new DomainError('DOCUMENT_NOT_AUTHENTIC', { sha256 });
    }
    chunk.copy(out, at);
    at += chunk.length;
  }
  if (at !== size) throw new DomainError('DOCUMENT_NOT_AUTHENTIC', { sha256 });
  return out;
}

function jsonFile(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** A dossier item's recorded facts as lines for the merged dossier's separator page. */
export function factLines(facts: unknown, prefix = ''): string[] {
  if (facts === undefined || facts === null) return [];
  if (typeof facts !== 'object') return [`${prefix}${String(facts)}`];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${prefix}${key}:`);
      for (const v of value) lines.push(...(typeof v === 'object' && v !== null ? [Object.entries(v).map(([k, x]) => `${k}: ${String(x)}`).join('; ')].map((l) => `${prefix}  – ${l}`) : [`${prefix}  – ${String(v)}`]));
    } else if (typeof value === 'object' && value !== null) {
      lines.push(`${prefix}${key}:`, ...factLines(value, `${prefix}  `));
    } else lines.push(`${prefix}${key}: ${String(value)}`);
  }
  return lines;
}
