import type { PdfLtLevel, PdfLtRemark, PdfLtReport, PdfLtRequirement } from '../../shared/contract/pdfLtSchemas';
import { SIGNATURE_PROBLEMS, type Indication, type SignatureProblem, type VerificationReport } from '../../shared/contract/verificationSchemas';
import { isQualificationReason } from '../../shared/contract/verificationTexts';
import type { MessageKey } from '../i18n/messages';
import type { MessageParams, Translate } from '../i18n/translate';

/**
 * What the check of one signature says, line by line, in words a reader can act on (issue 6, 12):
 * the ETSI verdict and why, who signed, when (and how sure that time is), whether the signed bytes
 * are intact, the certificate's validity at the time that counts, trust, revocation, the PAdES
 * level and the kind of signature (QES or less, and why: issue 18), and what happened to the file
 * after. And what the file's PDF-LT-V1.0 check found (issue 18).
 */

export type SignatureCheck = VerificationReport['signatures'][number];

/** ok: as it should be; warning: cannot be established; problem: the signature cannot be relied on. */
export type Tone = 'ok' | 'warning' | 'problem';

export interface Finding {
  /** Stable name of the line, for tests and styling. */
  id: 'signer' | 'issuer' | 'time' | 'integrity' | 'certificate' | 'trust' | 'revocation' | 'pades' | 'qualification' | 'qualificationReasons' | 'after' | 'overlay';
  label: MessageKey;
  /** What the line says: a label with its parameters, or a value as the certificate gives it (a name). */
  text: { key: MessageKey; params?: MessageParams } | { value: string };
  tone: Tone;
}

const TONE: Readonly<Record<Indication, Tone>> = { TOTAL_PASSED: 'ok', INDETERMINATE: 'warning', FAILED: 'problem' };

/** The verdict on a signature: its indication in words, why (the sub-indication), and the ETSI code. */
export function verdictOf(check: Pick<SignatureCheck, 'indication' | 'subIndication'>): {
  key: MessageKey;
  reason: MessageKey | null;
  code: { key: MessageKey; params: MessageParams };
  tone: Tone;
} {
  return {
    key: `verify.indication.${check.indication}`,
    reason: check.subIndication ? `verify.sub.${check.subIndication}` : null,
    code: check.subIndication
      ? { key: 'verify.codeWithSub', params: { indication: check.indication, sub: check.subIndication } }
      : { key: 'verify.code', params: { indication: check.indication } },
    tone: TONE[check.indication],
  };
}

/** The verdict on the whole document. */
export function documentVerdictOf(report: Pick<VerificationReport, 'indication'>): { key: MessageKey; tone: Tone } {
  return { key: `verify.document.${report.indication}`, tone: TONE[report.indication] };
}

function timeFinding(check: SignatureCheck, formatTime: (iso: string) => string): Finding {
  const base = { id: 'time', label: 'verify.time' } as const;
  if (check.timestamp) {
    const params = { time: formatTime(check.timestamp.time), authority: check.timestamp.authority };
    if (!check.timestamp.intact) return { ...base, text: { key: 'verify.time.timestampBroken', params }, tone: 'problem' };
    return check.timestamp.trusted
      ? { ...base, text: { key: 'verify.time.timestamp', params }, tone: 'ok' }
      : { ...base, text: { key: 'verify.time.timestampUntrusted', params }, tone: 'warning' };
  }
  if (check.claimedTime) return { ...base, text: { key: 'verify.time.claimed', params: { time: formatTime(check.claimedTime) } }, tone: 'warning' };
  return { ...base, text: { key: 'verify.time.unknown' }, tone: 'warning' };
}

function revocationFinding(check: SignatureCheck, formatTime: (iso: string) => string): Finding {
  const base = { id: 'revocation', label: 'verify.revocation' } as const;
  const r = check.revocation;
  switch (r.status) {
    case 'good':
      return { ...base, text: { key: 'verify.revocation.good', params: { source: r.source } }, tone: 'ok' };
    case 'revoked':
      // Revoked after a proven signing time does not make the signature fail; the verdict says which.
      return { ...base, text: { key: 'verify.revocation.revoked', params: { at: formatTime(r.revokedAt), source: r.source } }, tone: check.indication === 'TOTAL_PASSED' ? 'warning' : 'problem' };
    case 'notChecked':
      return { ...base, text: r.reason === 'stale' ? { key: 'verify.revocation.stale', params: { source: r.source ?? '' } } : { key: 'verify.revocation.noList' }, tone: 'warning' };
  }
}

/**
 * The PAdES level (ETSI EN 319 142-1 §6) and the kind of signature (eIDAS art. 3, 25): a QES with
 * the qualified service that issued the certificate; anything less with the reasons it is not more,
 * and NOT_DETERMINED only ever as "could not be determined", with why.
 */
function levelFindings(check: SignatureCheck, t: Translate): Finding[] {
  const findings: Finding[] = [];
  if (check.level) findings.push({ id: 'pades', label: 'verify.pades', text: { key: `verify.pades.${check.level}` }, tone: 'ok' });
  const q = check.qualification;
  if (!q) return findings;
  const tone: Tone = q.kind === 'NOT_DETERMINED' ? 'warning' : 'ok';
  const kind = `verify.qualification.${q.kind}` as const;
  findings.push({
    id: 'qualification',
    label: 'verify.qualification',
    text: q.service ? { key: 'verify.qualification.withService', params: { kind: t(kind), service: q.service, list: q.list ?? '—' } } : { key: kind },
    tone,
  });
  if (q.reasons.length > 0) {
    const reasons = q.reasons.map((code) => (isQualificationReason(code) ? t(`verify.qualification.reason.${code}`) : t('verify.qualification.reason.other', { code })));
    findings.push({ id: 'qualificationReasons', label: 'verify.qualification.reasons', text: { value: reasons.join('; ') }, tone });
  }
  return findings;
}

function afterFindings(check: SignatureCheck, changeText: (kind: SignatureCheck['changes'][number]['kind']) => string): Finding[] {
  const kinds = [...new Set(check.changes.map((c) => c.kind))];
  const harmful = check.after === 'changed';
  // A broken signature says nothing about what came after it: "unchanged" would be a false comfort.
  if (!check.intact && kinds.length === 0) return [{ id: 'after', label: 'verify.after', text: { key: 'verify.after.unknown' }, tone: 'warning' }];
  const findings: Finding[] = [
    kinds.length === 0
      ? { id: 'after', label: 'verify.after', text: { key: 'verify.after.unchanged' }, tone: 'ok' }
      : { id: 'after', label: 'verify.after', text: { key: 'verify.after.changes', params: { changes: kinds.map(changeText).join('; ') } }, tone: harmful ? 'problem' : 'ok' },
  ];
  if (check.overlaidPages.length > 0) {
    findings.push({ id: 'overlay', label: 'verify.after', text: { key: 'verify.after.overlay', params: { pages: check.overlaidPages.map((p) => p + 1).join(', ') } }, tone: 'problem' });
  }
  return findings;
}

/** The lines of one signature's report; `formatTime` writes a moment in the user's language, `t` a label. */
export function signatureFindings(check: SignatureCheck, formatTime: (iso: string) => string, t: Translate): Finding[] {
  const { signer } = check;
  const findings: Finding[] = signer
    ? [
        { id: 'signer', label: 'verify.signer', text: { value: signer.commonName || signer.subject }, tone: 'ok' },
        { id: 'issuer', label: 'verify.issuer', text: { value: signer.issuer }, tone: 'ok' },
      ]
    : [{ id: 'signer', label: 'verify.signer', text: { key: 'verify.noSigner' }, tone: 'problem' }];
  findings.push(timeFinding(check, formatTime));
  findings.push({ id: 'integrity', label: 'verify.integrity', text: { key: check.intact ? 'verify.intact' : 'verify.broken' }, tone: check.intact ? 'ok' : 'problem' });
  if (signer) {
    const valid = check.certificateValid === 'valid';
    const key: MessageKey = `verify.cert.${check.certificateValid}.${check.judgedAt.proven ? 'atTimestamp' : 'atCheck'}`;
    findings.push({
      id: 'certificate',
      label: 'verify.certificate',
      text: { key, params: { from: formatTime(signer.notBefore), to: formatTime(signer.notAfter) } },
      // Expired now with no proof of an earlier signing cannot be established either way (OUT_OF_BOUNDS_NO_POE).
      tone: valid ? 'ok' : check.indication === 'FAILED' ? 'problem' : 'warning',
    });
    findings.push({ id: 'trust', label: 'verify.trust', text: { key: check.trusted ? 'verify.trusted' : 'verify.untrusted' }, tone: check.trusted ? 'ok' : 'warning' });
    findings.push(revocationFinding(check, formatTime));
  }
  findings.push(...levelFindings(check, t));
  findings.push(...afterFindings(check, (kind) => t(`verify.change.${kind}`)));
  return findings;
}

export { SIGNATURE_PROBLEMS };

/** The explanation of a problem code, or null for a code this version of the UI does not know (shown as the code). */
export function problemKey(code: string): `verify.problem.${SignatureProblem}` | null {
  return (SIGNATURE_PROBLEMS as readonly string[]).includes(code) ? `verify.problem.${code as SignatureProblem}` : null;
}

/**
 * The PDF-LT-V1.0 section of the report (issue 18): the level reached, each requirement not met with
 * its level and what was found, and the remarks on what the level does not say (PDF/A-2 only
 * declared; a document timestamp the reference verifier would refuse).
 */
export interface PdfLtView {
  level: PdfLtLevel;
  key: MessageKey;
  tone: Tone;
  /** The file says it is PDF-LT but is not level A. */
  claimedButShort: boolean;
  unmet: { code: PdfLtRequirement; key: MessageKey; level: 'A' | 'B'; detail: string | null }[];
  remarks: { code: PdfLtRemark; key: MessageKey }[];
}

const PDF_LT_TONE: Readonly<Record<PdfLtLevel, Tone>> = { A: 'ok', B: 'warning', none: 'warning', notChecked: 'warning' };

export function pdfLtView(report: PdfLtReport): PdfLtView {
  return {
    level: report.level,
    key: `verify.pdfLt.level.${report.level}`,
    tone: PDF_LT_TONE[report.level],
    claimedButShort: report.claimed && report.level !== 'A',
    unmet: report.unmet.map((u) => ({ code: u.code, key: `verify.pdfLt.requirement.${u.code}`, level: u.level, detail: u.detail ?? null })),
    remarks: report.remarks.map((code) => ({ code, key: `verify.pdfLt.remark.${code}` })),
  };
}
