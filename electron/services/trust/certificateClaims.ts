// What a certificate claims about itself that a qualification reads (issue 18): its QC statements
// (ETSI EN 319 412-5 §4.2, RFC 3739 §3.2.6), its certificate policies (RFC 5280 §4.2.1.4) and the
// attribute types of its subject, besides the key usages the signing code parses already.
import { X509Certificate } from 'node:crypto';
import { childAt, childrenOf, isContextTag, octetsOf, oidOf, parseAsn1 } from '../signing/der';
import { nameAttributes } from '../signing/distinguishedNames';
import type { ParsedCertificate } from '../signing/certificates';

/** EN 319 412-5 §4.2.1–4.2.3 and RFC 3739's extension. */
export const QC_OID = {
  statements: '1.3.6.1.5.5.7.1.3',
  compliance: '0.4.0.1862.1.1',
  sscd: '0.4.0.1862.1.4',
  type: '0.4.0.1862.1.6',
  esign: '0.4.0.1862.1.6.1',
  eseal: '0.4.0.1862.1.6.2',
  web: '0.4.0.1862.1.6.3',
} as const;

const CERTIFICATE_POLICIES = '2.5.29.32';

export interface CertificateClaims {
  /** QcCompliance: issued as a qualified certificate. */
  qcCompliance: boolean;
  /** QcSSCD: its private key is on a qualified signature/seal creation device. */
  qcSscd: boolean;
  /** QcType values (esign, eseal, web OIDs). */
  qcTypes: string[];
  policies: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  subjectAttributes: string[];
}

/** The extensions of a DER certificate by OID, each its extnValue's content. */
function extensionsOf(der: Uint8Array): Map<string, Uint8Array> {
  const tbs = childAt(parseAsn1(der, 'Certificate'), 0, 'TBSCertificate');
  const tagged = childrenOf(tbs, 'TBSCertificate').find((c) => isContextTag(c, 3));
  const out = new Map<string, Uint8Array>();
  if (!tagged) return out;
  for (const extension of childrenOf(childAt(tagged, 0, 'Extensions'), 'Extensions')) {
    const parts = childrenOf(extension, 'Extension');
    out.set(oidOf(parts[0], 'extnID'), octetsOf(parts[parts.length - 1], 'extnValue'));
  }
  return out;
}

function qcStatementsOf(value: Uint8Array | undefined): Pick<CertificateClaims, 'qcCompliance' | 'qcSscd' | 'qcTypes'> {
  const claims = { qcCompliance: false, qcSscd: false, qcTypes: [] as string[] };
  if (!value) return claims;
  for (const statement of childrenOf(parseAsn1(value, 'QCStatements'), 'QCStatements')) {
    const [id, info] = childrenOf(statement, 'QCStatement');
    const oid = oidOf(id, 'statementId');
    if (oid === QC_OID.compliance) claims.qcCompliance = true;
    if (oid === QC_OID.sscd) claims.qcSscd = true;
    if (oid === QC_OID.type && info) claims.qcTypes.push(...childrenOf(info, 'QcType').map((t) => oidOf(t, 'QcType')));
  }
  return claims;
}

function policiesOf(value: Uint8Array | undefined): string[] {
  if (!value) return [];
  return childrenOf(parseAsn1(value, 'certificatePolicies'), 'certificatePolicies').map((p) => oidOf(childAt(p, 0, 'PolicyInformation'), 'policyIdentifier'));
}

/** What `certificate` claims; a certificate whose extensions cannot be read claims nothing (throws). */
export function certificateClaims(certificate: ParsedCertificate): CertificateClaims {
  const extensions = extensionsOf(certificate.der);
  return {
    ...qcStatementsOf(extensions.get(QC_OID.statements)),
    policies: policiesOf(extensions.get(CERTIFICATE_POLICIES)),
    keyUsage: certificate.keyUsage ?? [],
    extendedKeyUsage: certificate.extendedKeyUsage ?? [],
    subjectAttributes: nameAttributes(certificate.subjectDer).map((a) => a.oid),
  };
}

/** The same certificate, or one with the same subject and the same public key (a CA's certificate reissued). */
export function sameCertificateKey(a: Uint8Array, b: Uint8Array): boolean {
  if (Buffer.from(a).equals(Buffer.from(b))) return true;
  try {
    const x = new X509Certificate(a);
    const y = new X509Certificate(b);
    return x.subject === y.subject && x.publicKey.equals(y.publicKey);
  } catch {
    return false;
  }
}
