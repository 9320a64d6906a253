import type { VerificationReport } from '../../../shared/contract/verificationSchemas';
import type { ServiceContext } from '../context';
import { checkPdfLt } from '../pdf/pdfLtCheck';
import { verifyPdf, type PdfCheck, type VerifyOptions } from '../signing/pdfVerify';
import { sha256Hex } from '../store/documentStore';
import { trustedAnchors, trustedServicesOf } from '../trust/anchors';
import { qualificationOf, type TrustedService } from '../trust/qualified';

/** What the report adds to the signatures' check: the file's PDF-LT check and the trusted lists' services (issue 18). */
export interface ReportExtras {
  pdfLt: VerificationReport['pdfLt'];
  services: readonly TrustedService[];
}

/** The report of a check (the app's screen and `cli verify --json` say the same). */
export function reportOf(check: PdfCheck, name: string, sha256: string, known: VerificationReport['known'], extras: ReportExtras): VerificationReport {
  return {
    name,
    size: check.size,
    sha256,
    indication: check.indication,
    changedOtherwise: check.changedOtherwise,
    trustConfigured: check.trustConfigured,
    known,
    pdfLt: extras.pdfLt,
    signatures: check.signatures.map((s) => ({
      type: s.type,
      name: s.name,
      signer: s.cms.signer
        ? { subject: s.cms.signer.subject, commonName: s.cms.signer.commonName, issuer: s.cms.signer.issuer, serialNumber: s.cms.signer.serialNumber, notBefore: s.cms.signer.notBefore, notAfter: s.cms.signer.notAfter }
        : null,
      byteRange: s.byteRange,
      claimedTime: s.claimedTime,
      timestamp: s.cms.timestamp,
      judgedAt: s.cms.provenTime ? { time: s.cms.provenTime.toISOString(), proven: true } : { time: s.checkedAt, proven: false },
      intact: s.cms.intact,
      problems: s.cms.problems,
      certificateValid: s.cms.certificateValid,
      trusted: s.cms.trusted,
      revocation: s.revocation,
      changes: s.changes,
      overlaidPages: s.overlaidPages,
      after: s.after,
      indication: s.indication,
      subIndication: s.subIndication,
      valid: s.valid,
      subFilter: s.subFilter,
      level: s.level,
      qualification: qualificationOf(s, extras.services),
    })),
  };
}

/** What the institution's settings say a check trusts: its roots, its revocation lists and policy. */
export function verifyOptionsOf(ctx: ServiceContext): VerifyOptions {
  const revocation = ctx.revocation.get();
  return {
    trusted: trustedAnchors(ctx),
    now: ctx.now(),
    crls: ctx.revocation.parsed(),
    revocationRequired: revocation.required,
  };
}

/** The report on any PDF's signatures (issue 6, 12), with the app's own record of the file if it made it. */
export function verificationReportOf(ctx: ServiceContext, name: string, bytes: Uint8Array): VerificationReport {
  const check = verifyPdf(bytes, verifyOptionsOf(ctx));
  const sha256 = sha256Hex(bytes);
  const known = ctx.generated.list().flatMap((d) => {
    const i = d.versions.findIndex((v) => v.sha256 === sha256);
    return i < 0 ? [] : [{ id: d.id, registrationNumber: d.registrationNumber, title: `${d.documentType} ${d.title}`, version: i + 1 }];
  })[0];
  return reportOf(check, name, sha256, known ?? null, { pdfLt: checkPdfLt(bytes), services: trustedServicesOf(ctx) });
}
