// The verdict on one signature in the vocabulary of ETSI EN 319 102-1 (issue 12): the findings of
// the checks (format, signing certificate, cryptography, changes after it, trust, revocation, time)
// become one indication and sub-indication, as the EU's DSS validator reports them. A FAILED
// finding wins over an INDETERMINATE one: what is proven wrong is said first.
import type { ChangeKind, Indication, SubIndication } from '../../../shared/contract/verificationSchemas';
import type { CmsCheck, CmsProblem } from './cmsCheck';
import type { RevocationStatus } from './revocation';

export interface Verdict {
  indication: Indication;
  subIndication: SubIndication | null;
}

/** Changes after a signature that leave what it signed as it was (DSS: permitted and extension changes; XMP metadata is one). */
export const HARMLESS_CHANGES: ReadonlySet<ChangeKind> = new Set(['signature', 'dss', 'documentTimestamp', 'metadata']);

export interface SignatureFindings {
  /** The byte range or /Contents is broken: the signature cannot even be read as one. */
  structure: 'ok' | 'broken' | 'unsupported';
  cms: Pick<CmsCheck, 'problems' | 'trusted' | 'certificateValid' | 'provenTime'>;
  /** The signer's revocation status; a CA certificate's in the path (the root excluded). */
  revocation: RevocationStatus;
  caRevocations: readonly RevocationStatus[];
  revocationRequired: boolean;
  /** Changes after the signature other than harmless ones, or something painted over the signed pages. */
  changedAfter: boolean;
  /** A later signature on the document did not pass itself. */
  laterSignatureUnconfirmed: boolean;
  /** A document timestamp states a time before a timestamp it covers (DSS: TIMESTAMP_ORDER_FAILURE). */
  timestampOrderFailure?: boolean;
}

const has = (problems: readonly CmsProblem[], ...codes: CmsProblem[]) => codes.some((code) => problems.includes(code));

const failed = (subIndication: SubIndication): Verdict => ({ indication: 'FAILED', subIndication });
const indeterminate = (subIndication: SubIndication): Verdict => ({ indication: 'INDETERMINATE', subIndication });

/** Revoked before the proven signing time: FAILED; revoked with no proof of an earlier signing: INDETERMINATE. */
function revocationVerdict(status: RevocationStatus, provenTime: Date | null, noPoe: SubIndication): Verdict | null {
  if (status.status !== 'revoked') return null;
  if (provenTime === null) return indeterminate(noPoe);
  return provenTime.getTime() >= new Date(status.revokedAt).getTime() ? failed('REVOKED') : null;
}

/** Every finding that speaks against the signature, most basic first (DSS's building-block order). */
function findings(f: SignatureFindings): Verdict[] {
  const { problems, provenTime } = f.cms;
  const out: (Verdict | null)[] = [
    f.structure === 'broken' ? failed('FORMAT_FAILURE') : null,
    f.structure === 'unsupported' ? indeterminate('FORMAT_FAILURE') : null,
    has(problems, 'CMS_UNREADABLE', 'NO_SIGNER_INFO', 'NO_SIGNED_ATTRIBUTES') ? failed('FORMAT_FAILURE') : null,
    has(problems, 'NO_SIGNER_CERT', 'NO_SIGNING_CERTIFICATE_ATTRIBUTE', 'CERT_HASH_MISMATCH') ? indeterminate('NO_SIGNING_CERTIFICATE_FOUND') : null,
    has(problems, 'DIGEST_MISMATCH') ? failed('HASH_FAILURE') : null,
    has(problems, 'BAD_SIGNATURE') ? failed('SIG_CRYPTO_FAILURE') : null,
    has(problems, 'DIGEST_ALGORITHM_UNSUPPORTED', 'SIGNATURE_ALGORITHM_UNSUPPORTED') ? indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE') : null,
    f.changedAfter ? failed('FORMAT_FAILURE') : null,
    // A search cut short by its budget proved nothing about the chain (issue 18).
    f.cms.trusted ? null : indeterminate(has(problems, 'PATH_SEARCH_LIMIT') ? 'CERTIFICATE_CHAIN_GENERAL_FAILURE' : 'NO_CERTIFICATE_CHAIN_FOUND'),
    revocationVerdict(f.revocation, provenTime, 'REVOKED_NO_POE'),
    ...f.caRevocations.map((status) => revocationVerdict(status, provenTime, 'REVOKED_CA_NO_POE')),
    f.cms.certificateValid === 'notYetValid' ? failed('NOT_YET_VALID') : null,
    f.cms.certificateValid === 'expired' ? (provenTime ? failed('EXPIRED') : indeterminate('OUT_OF_BOUNDS_NO_POE')) : null,
    f.timestampOrderFailure === true ? indeterminate('TIMESTAMP_ORDER_FAILURE') : null,
    f.revocationRequired && f.cms.trusted && [f.revocation, ...f.caRevocations].some((s) => s.status === 'notChecked') ? indeterminate('TRY_LATER') : null,
    f.laterSignatureUnconfirmed ? indeterminate('GENERIC') : null,
  ];
  return out.filter((v): v is Verdict => v !== null);
}

/** The signature's indication: the first FAILED finding, else the first INDETERMINATE one, else TOTAL_PASSED. */
export function verdictOf(f: SignatureFindings): Verdict {
  const all = findings(f);
  return all.find((v) => v.indication === 'FAILED') ?? all[0] ?? { indication: 'TOTAL_PASSED', subIndication: null };
}

/** The whole document: TOTAL_PASSED only when every signature passed and nothing else changed it. */
export function documentIndication(signatures: readonly Verdict[], changedOtherwise: boolean): Indication {
  if (signatures.some((s) => s.indication === 'FAILED') || (changedOtherwise && signatures.length > 0)) return 'FAILED';
  if (signatures.length === 0 || signatures.some((s) => s.indication === 'INDETERMINATE')) return 'INDETERMINATE';
  return 'TOTAL_PASSED';
}
