import { z } from 'zod';

/**
 * The Lithuanian e-document format PDF-LT-V1.0 (chief archivist's order of 2014-08-29 No. VE(1.3 E)-42;
 * issue 18) as a verify report states it: every requirement a file does not meet, and the level it
 * reaches. Level B is the base every PDF-LT document meets; level A adds the /Extensions entry, the
 * LTUd metadata and the signature dictionaries' LTUd_Role and LTUd_SignerNotes. The check
 * (electron/services/pdf/pdfLtCheck.ts) follows the verifier published for Registrų centras, with
 * the differences it states.
 */

/** The requirements the check reads; the UI and the CLI explain each in Lithuanian (verificationTexts.ts). */
export const PDF_LT_REQUIREMENTS = [
  /** B: the file is PDF 1.7 (its header, or a later /Version in the catalog). */
  'PDF_VERSION',
  /** B: the file is not encrypted (nothing else is read when it is). */
  'ENCRYPTED',
  /** B: the catalog has a page tree (ISO 32000-1 §7.7.3), and it is a tree. */
  'NO_PAGES',
  /** B: no embedded files and no file specifications (/Names /EmbeddedFiles, /AF, /Collection, file attachment annotations, actions on files; /EF, /Type /EmbeddedFile, /Launch and /GoToE anywhere). */
  'EMBEDDED_FILES',
  /** B: the XMP declares PDF/A-2 or later (pdfaid:part ≥ 2): the declaration, not a PDF/A validation. */
  'NOT_PDFA2',
  /** B: a signature's (or document timestamp's) value is in its /Contents. */
  'SIGNATURE_CONTENTS',
  /** B: a signature's /SubFilter is ETSI.CAdES.detached (a document timestamp's ETSI.RFC3161). */
  'SIGNATURE_SUBFILTER',
  /** B: a signature dictionary has /Reason. */
  'SIGNATURE_REASON',
  /** B: a signature dictionary has /Name. */
  'SIGNATURE_NAME',
  /** B: a signature dictionary has /M, a date. */
  'SIGNATURE_TIME',
  /** B: no certification (DocMDP) or usage-rights (UR3) signature. */
  'CERTIFICATION_SIGNATURE',
  /** A: the catalog's /Extensions has /LTUd with /BaseVersion /1.7 and /ExtensionLevel 1. */
  'EXTENSIONS_LTUD',
  /** A: the XMP's xmp:Identifier names level A in the scheme http://archyvai.lt/pdf-ltud/2013/level/. */
  'XMP_IDENTIFIER',
  /** A: LTUd:standardVersion is PDF-LT-V1.0. */
  'XMP_STANDARD_VERSION',
  /** A: LTUd:authors lists the authors, each with a name. */
  'XMP_AUTHORS',
  /** A: LTUd:recipients is present (an empty list when the document is addressed to no one). */
  'XMP_RECIPIENTS',
  /** A: the registration (LTUd:registration with its number and date). */
  'XMP_REGISTRATION',
  /** A: dc:title. */
  'XMP_TITLE',
  /** A: dc:creator. */
  'XMP_CREATOR',
  /** A: the LTUd namespaces (the schema and its Entity and Registration types) are declared as PDF/A extension schemas. */
  'XMP_EXTENSION_SCHEMA',
  /** A: a signature dictionary has LTUd_Role. */
  'SIGNATURE_ROLE',
  /** A: a signature dictionary has LTUd_SignerNotes. */
  'SIGNATURE_NOTES',
  /** The file could not be read far enough to check (damaged, or past the check's limits). */
  'UNREADABLE',
] as const;
export type PdfLtRequirement = (typeof PDF_LT_REQUIREMENTS)[number];

/** The level each requirement belongs to: missing a B requirement leaves the file at no level; missing only A ones, at B. */
export const PDF_LT_REQUIREMENT_LEVEL: Readonly<Record<PdfLtRequirement, 'A' | 'B'>> = {
  PDF_VERSION: 'B',
  ENCRYPTED: 'B',
  NO_PAGES: 'B',
  EMBEDDED_FILES: 'B',
  NOT_PDFA2: 'B',
  SIGNATURE_CONTENTS: 'B',
  SIGNATURE_SUBFILTER: 'B',
  SIGNATURE_REASON: 'B',
  SIGNATURE_NAME: 'B',
  SIGNATURE_TIME: 'B',
  CERTIFICATION_SIGNATURE: 'B',
  EXTENSIONS_LTUD: 'A',
  XMP_IDENTIFIER: 'A',
  XMP_STANDARD_VERSION: 'A',
  XMP_AUTHORS: 'A',
  XMP_RECIPIENTS: 'A',
  XMP_REGISTRATION: 'A',
  XMP_TITLE: 'A',
  XMP_CREATOR: 'A',
  XMP_EXTENSION_SCHEMA: 'A',
  SIGNATURE_ROLE: 'A',
  SIGNATURE_NOTES: 'A',
  UNREADABLE: 'B',
};

export const PDF_LT_LEVELS = ['A', 'B', 'none', 'notChecked'] as const;
export type PdfLtLevel = (typeof PDF_LT_LEVELS)[number];

/** What the reader of a level should know about it (verificationTexts.ts explains each). */
export const PDF_LT_REMARKS = [
  /**
   * The file has a document timestamp (PAdES B-LTA). PDF-LT-V1.0 admits PAdES-LTV, so the check
   * allows it; the verifier published for Registrų centras treats every signature field as a CAdES
   * signature and would refuse it (BAD_SUBFILTER, BAD_REASON).
   */
  'DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE',
  /** With every level A or B: PDF/A-2 is what the XMP declares (pdfaid:part), not a PDF/A validation. */
  'PDFA_DECLARED_NOT_VALIDATED',
] as const;
export type PdfLtRemark = (typeof PDF_LT_REMARKS)[number];

export const pdfLtReport = z.object({
  /** A, B, none (a requirement of level B is not met), or notChecked (the file could not be read within the limits). */
  level: z.enum(PDF_LT_LEVELS),
  /** The file says it is PDF-LT (its XMP names the standard or the level). */
  claimed: z.boolean(),
  /** Every requirement not met, with the level it belongs to and what was found (values from the file, e.g. "1.4", a field's name). */
  unmet: z.array(z.object({ code: z.enum(PDF_LT_REQUIREMENTS), level: z.enum(['A', 'B']), detail: z.string().optional() })),
  /** What the level does not say, in the order of PDF_LT_REMARKS. */
  remarks: z.array(z.enum(PDF_LT_REMARKS)),
});
export type PdfLtReport = z.infer<typeof pdfLtReport>;
