import { z } from 'zod';

/**
 * The Lithuanian e-document format PDF-LT-V1.0 (chief archivist's order of 2014-08-29 No. VE(1.3 E)-42;
 * issue 18) as a verify report states it: every requirement a file does not meet, and the level it
 * reaches. Level B is the base every signed PDF-LT document meets; level A adds the /Extensions
 * entry, the LTUd metadata and the signature dictionaries' LTUd_Role and LTUd_SignerNotes.
 */

/** The requirements the check reads (electron/services/pdf/pdfLtCheck.ts); the UI and the CLI explain each in Lithuanian. */
export const PDF_LT_REQUIREMENTS = [
  /** B: the file is PDF 1.7 (header, or the catalog's /Version). */
  'PDF_VERSION',
  /** B: the file is not encrypted. */
  'ENCRYPTED',
  /** B: the catalog has a page tree. */
  'NO_PAGES',
  /** B: no embedded files and no file specifications. */
  'EMBEDDED_FILES',
  /** B: the XMP identifies the file as PDF/A-2 or later (pdfaid:part ≥ 2). */
  'NOT_PDFA2',
  /** B: a signature's value is in its /Contents. */
  'SIGNATURE_CONTENTS',
  /** B: a signature's /SubFilter is ETSI.CAdES.detached. */
  'SIGNATURE_SUBFILTER',
  /** B: a signature dictionary has /Reason. */
  'SIGNATURE_REASON',
  /** B: a signature dictionary has /Name. */
  'SIGNATURE_NAME',
  /** B: a signature dictionary has /M. */
  'SIGNATURE_TIME',
  /** B: no certification (DocMDP) or usage-rights (UR3) signature. */
  'CERTIFICATION_SIGNATURE',
  /** A: the catalog's /Extensions has /LTUd with /BaseVersion /1.7 and /ExtensionLevel 1. */
  'EXTENSIONS_LTUD',
  /** A: the XMP's xmp:Identifier names the level. */
  'XMP_IDENTIFIER',
  /** A: LTUd:standardVersion is PDF-LT-V1.0. */
  'XMP_STANDARD_VERSION',
  /** A: LTUd:authors lists the authors. */
  'XMP_AUTHORS',
  /** A: LTUd:recipients is present. */
  'XMP_RECIPIENTS',
  /** A: the registration (LTUd:registration: number, date, register). */
  'XMP_REGISTRATION',
  /** A: dc:title. */
  'XMP_TITLE',
  /** A: dc:creator. */
  'XMP_CREATOR',
  /** A: the LTUd schemas are declared as PDF/A extension schemas. */
  'XMP_EXTENSION_SCHEMA',
  /** A: a signature dictionary has LTUd_Role. */
  'SIGNATURE_ROLE',
  /** A: a signature dictionary has LTUd_SignerNotes. */
  'SIGNATURE_NOTES',
  /** The file could not be read far enough to check (damaged, or past the check's limits). */
  'UNREADABLE',
] as const;
export type PdfLtRequirement = (typeof PDF_LT_REQUIREMENTS)[number];

export const PDF_LT_LEVELS = ['A', 'B', 'none', 'notChecked'] as const;
export type PdfLtLevel = (typeof PDF_LT_LEVELS)[number];

export const pdfLtReport = z.object({
  /** A, B, none (a requirement of level B is not met), or notChecked (the file could not be read within the limits). */
  level: z.enum(PDF_LT_LEVELS),
  /** The file says it is PDF-LT (its XMP names the standard or the level). */
  claimed: z.boolean(),
  /** Every requirement not met, with the level it belongs to and what was found. */
  unmet: z.array(z.object({ code: z.enum(PDF_LT_REQUIREMENTS), level: z.enum(['A', 'B']), detail: z.string().optional() })),
});
export type PdfLtReport = z.infer<typeof pdfLtReport>;
