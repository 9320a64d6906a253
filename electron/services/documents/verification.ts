import type { VerificationReport } from '../../../shared/contract/verificationSchemas';
import type { ServiceContext } from '../context';
import { pemCertificates } from '../signing/pemCertificates';
import { verifyPdf } from '../signing/pdfVerify';
import { sha256Hex } from '../store/documentStore';

/** The report on any PDF's signatures (issue 6, 12), with the app's own record of the file if it made it. */
export function verificationReportOf(ctx: ServiceContext, name: string, bytes: Uint8Array): VerificationReport {
  const trusted = pemCertificates(ctx.settings.get()?.signing?.trustedRoots ?? '');
  const check = verifyPdf(bytes, { trusted, now: ctx.now() });
  const sha256 = sha256Hex(bytes);
  const known = ctx.generated.list().flatMap((d) => {
    const i = d.versions.findIndex((v) => v.sha256 === sha256);
    return i < 0 ? [] : [{ id: d.id, registrationNumber: d.registrationNumber, title: `${d.documentType} ${d.title}`, version: i + 1 }];
  })[0];
  return {
    name,
    size: check.size,
    sha256,
    known: known ?? null,
    signatures: check.signatures.map((s) => ({
      name: s.name,
      signer: s.cms.signer
        ? { subject: s.cms.signer.subject, commonName: s.cms.signer.commonName, issuer: s.cms.signer.issuer, serialNumber: s.cms.signer.serialNumber, notBefore: s.cms.signer.notBefore, notAfter: s.cms.signer.notAfter }
        : null,
      claimedTime: s.claimedTime,
      timestamp: s.cms.timestamp,
      intact: s.cms.intact,
      problems: s.cms.problems,
      certificateValid: s.cms.certificateValid,
      trusted: s.cms.trusted,
      after: s.after,
      valid: s.valid,
      subFilter: s.subFilter,
    })),
  };
}
