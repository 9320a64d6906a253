// Certification paths: which certificate issued which, each link's signature verified with the
// issuer's key (Node's X509Certificate, i.e. OpenSSL).
import { X509Certificate } from 'node:crypto';
import { sameBytes } from './der';

const MAX_PATH_LENGTH = 8;

/** True when `issuer` names `cert`'s issuer, may issue certificates, and its key verifies `cert`. */
function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    // A key Node cannot use (an unknown curve) verifies nothing.
    return false;
  }
}

interface Candidate {
  der: Uint8Array;
  x509: X509Certificate;
}

/**
 * Parsed certificates by their bytes: a check parses the same roots and chain again and again (each
 * signature, each path step), and OpenSSL's parse is most of a verification's time. Bounded.
 */
const parsed = new Map<string, X509Certificate | null>();
const PARSED_MAX = 512;

function x509Of(der: Uint8Array): X509Certificate | null {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  let x509 = parsed.get(key);
  if (x509 === undefined) {
    try {
      x509 = new X509Certificate(der);
    } catch {
      x509 = null;
    }
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, x509);
  }
  return x509;
}

/** The certificates OpenSSL can read, with their parsed form; others take no part in a path. */
function readable(certificates: readonly Uint8Array[]): Candidate[] {
  return certificates.flatMap((der) => {
    const x509 = x509Of(der);
    return x509 ? [{ der, x509 }] : [];
  });
}

function isSelfIssued(cert: X509Certificate): boolean {
  return issued(cert, cert);
}

/**
 * The certificates of `pool` that lead from `certificate` upwards, nearest issuer first, stopping
 * at a self-signed one or where no issuer is in the pool.
 */
export function issuerPath(certificate: Uint8Array, pool: readonly Uint8Array[]): Uint8Array[] {
  const [start] = readable([certificate]);
  if (!start) return [];
  const candidates = readable(pool);
  const path: Uint8Array[] = [];
  let current = start.x509;
  while (path.length < MAX_PATH_LENGTH && !isSelfIssued(current)) {
    const next = candidates.find((c) => !path.includes(c.der) && !sameBytes(c.der, certificate) && issued(c.x509, current));
    if (!next) break;
    path.push(next.der);
    current = next.x509;
  }
  return path;
}

/** `others` ordered for embedding: the issuer path of `certificate` first, then the rest. */
export function orderChain(certificate: Uint8Array, others: readonly Uint8Array[]): Uint8Array[] {
  const path = issuerPath(certificate, others);
  return [...path, ...others.filter((der) => !path.includes(der))];
}

/**
 * True when `certificate` is one of `trusted`, or a path of verified signatures leads from it
 * through CA certificates of `intermediates` to one of `trusted`.
 */
export function chainsToTrusted(
  certificate: Uint8Array,
  intermediates: readonly Uint8Array[],
  trusted: readonly Uint8Array[],
): boolean {
  const [start] = readable([certificate]);
  if (!start) return false;
  const anchors = readable(trusted);
  const cas = readable(intermediates).filter((c) => c.x509.ca);
  const isAnchor = (der: Uint8Array) => anchors.some((anchor) => sameBytes(anchor.der, der));
  const reaches = (der: Uint8Array, x509: X509Certificate, visited: readonly Uint8Array[]): boolean => {
    if (isAnchor(der)) return true;
    if (visited.length >= MAX_PATH_LENGTH) return false;
    if (anchors.some((anchor) => issued(anchor.x509, x509))) return true;
    return cas.some(
      (ca) => !visited.some((seen) => sameBytes(seen, ca.der)) && issued(ca.x509, x509) && reaches(ca.der, ca.x509, [...visited, der]),
    );
  };
  return reaches(start.der, start.x509, []);
}
