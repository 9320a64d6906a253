import { SIGNATURE_PROBLEMS, type SignatureProblem, type VerificationReport } from '../../shared/contract/verificationSchemas';
import type { MessageKey } from '../i18n/messages';
import type { MessageParams } from '../i18n/translate';

/**
 * What the check of one signature says, line by line, in words a reader can act on (issue 6,
 * "Signatures are real … verifiable"): who signed, when (and how sure that time is), whether the
 * signed bytes are intact, the certificate's validity and trust, and what happened to the file after.
 */

export type SignatureCheck = VerificationReport['signatures'][number];

/** ok: as it should be; warning: worth knowing, not a failure; problem: the signature cannot be relied on. */
export type Tone = 'ok' | 'warning' | 'problem';

export interface Finding {
  /** Stable name of the line, for tests and styling. */
  id: 'signer' | 'issuer' | 'time' | 'integrity' | 'certificate' | 'trust' | 'after';
  label: MessageKey;
  /** What the line says: a label with its parameters, or a value as the certificate gives it (a name). */
  text: { key: MessageKey; params?: MessageParams } | { value: string };
  tone: Tone;
}

export function verdictOf(check: Pick<SignatureCheck, 'valid'>): { key: MessageKey; tone: Tone } {
  return check.valid ? { key: 'verify.valid', tone: 'ok' } : { key: 'verify.invalid', tone: 'problem' };
}

function timeFinding(check: SignatureCheck, formatTime: (iso: string) => string): Finding {
  const base = { id: 'time', label: 'verify.time' } as const;
  if (check.timestamp) {
    const params = { time: formatTime(check.timestamp.time), authority: check.timestamp.authority };
    return check.timestamp.intact
      ? { ...base, text: { key: 'verify.time.timestamp', params }, tone: 'ok' }
      : { ...base, text: { key: 'verify.time.timestampBroken', params }, tone: 'problem' };
  }
  if (check.claimedTime) return { ...base, text: { key: 'verify.time.claimed', params: { time: formatTime(check.claimedTime) } }, tone: 'warning' };
  return { ...base, text: { key: 'verify.time.unknown' }, tone: 'warning' };
}

const AFTER: Readonly<Record<SignatureCheck['after'], { key: MessageKey; tone: Tone }>> = {
  unchanged: { key: 'verify.after.unchanged', tone: 'ok' },
  signedLater: { key: 'verify.after.signedLater', tone: 'ok' },
  changed: { key: 'verify.after.changed', tone: 'problem' },
};

const CERTIFICATE: Readonly<Record<SignatureCheck['certificateValid'], { key: MessageKey; tone: Tone }>> = {
  valid: { key: 'verify.cert.valid', tone: 'ok' },
  expired: { key: 'verify.cert.expired', tone: 'problem' },
  notYetValid: { key: 'verify.cert.notYetValid', tone: 'problem' },
};

/** The lines of one signature's report; `formatTime` writes a moment in the user's language. */
export function signatureFindings(check: SignatureCheck, formatTime: (iso: string) => string): Finding[] {
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
    const { key, tone } = CERTIFICATE[check.certificateValid];
    findings.push({ id: 'certificate', label: 'verify.certificate', text: { key, params: { from: formatTime(signer.notBefore), to: formatTime(signer.notAfter) } }, tone });
    findings.push({ id: 'trust', label: 'verify.trust', text: { key: check.trusted ? 'verify.trusted' : 'verify.untrusted' }, tone: check.trusted ? 'ok' : 'warning' });
  }
  const after = AFTER[check.after];
  findings.push({ id: 'after', label: 'verify.after', text: { key: after.key }, tone: after.tone });
  return findings;
}

export { SIGNATURE_PROBLEMS };


/** The explanation of a problem code, or null for a code this version of the UI does not know (shown as the code). */
export function problemKey(code: string): `verify.problem.${SignatureProblem}` | null {
  return (SIGNATURE_PROBLEMS as readonly string[]).includes(code) ? `verify.problem.${code as SignatureProblem}` : null;
}

