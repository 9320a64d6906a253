// Certification paths: which certificate issued which, each link's signature verified with the
// issuer's key (Node's X509Certificate, i.e. OpenSSL).
import { createHash, X509Certificate } from 'node:crypto';
import { sameBytes } from './der';

const MAX_PATH_LENGTH = 8;

/**
 * Issuer checks (OpenSSL's name and key-identifier match, then the signature) the path searches of
 * one signature (its own and its timestamps') may make (issue 18, "Bad input"). A real document
 * needs a few; a store crowded with certificates of one name, each a candidate for every other,
 * would otherwise make the search take minutes. Each signature has a budget of its own, so that
 * what an attacker's appended signature or timestamp spends cannot hide a genuine signature's path.
 * Past the budget a search finds no path and says so (`exhausted`): the signature is INDETERMINATE
 * with the search cut short (PATH_SEARCH_LIMIT), never "no chain" as if that were proven, never a hang.
 */
export const PATH_CHECK_BUDGET = 4000;

interface Candidate {
  der: Uint8Array;
  x509: X509Certificate;
  /** SHA-256 of the DER: the certificate's identity in the search. */
  key: string;
  /** The subject and issuer names as OpenSSL prints them: which certificates may have issued which. */
  subject: string;
  issuer: string;
}

/**
 * Parsed certificates by their bytes: a check parses the same roots and chain again and again (each
 * signature, each path step), and OpenSSL's parse is most of a verification's time. Bounded.
 */
const parsed = new Map<string, Candidate | null>();
const PARSED_MAX = 512;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function candidateOf(der: Uint8Array): Candidate | null {
  const id = base64(der);
  let candidate = parsed.get(id);
  if (candidate === undefined) {
    try {
      const x509 = new X509Certificate(der);
      candidate = { der, x509, key: createHash('sha256').update(der).digest('base64'), subject: x509.subject, issuer: x509.issuer };
    } catch {
      candidate = null;
    }
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value as string);
    parsed.set(id, candidate);
  }
  return candidate;
}

/** The certificates OpenSSL can read, each once, with their parsed form; others take no part in a path. */
function readable(certificates: readonly Uint8Array[]): Candidate[] {
  const seen = new Set<string>();
  return certificates.flatMap((der) => {
    const candidate = candidateOf(der);
    if (!candidate || seen.has(candidate.key)) return [];
    seen.add(candidate.key);
    return [candidate];
  });
}

/**
 * The path searches of one signature: the budget they share (PATH_CHECK_BUDGET) and the issuer
 * checks made (each pair is checked once, its result shared with the searches of the other
 * signatures of the verification, `forNextSignature`).
 */
export class PathSearch {
  private remaining: number;

  constructor(
    budget: number = PATH_CHECK_BUDGET,
    private readonly checked = new Map<string, boolean>(),
  ) {
    this.remaining = budget;
  }

  /** The searches of another signature of the same verification: a full budget, the checks already made known. */
  forNextSignature(): PathSearch {
    return new PathSearch(PATH_CHECK_BUDGET, this.checked);
  }

  /** The budget is spent: every further check fails. */
  get exhausted(): boolean {
    return this.remaining <= 0;
  }

  /** True when `issuer` names `cert`'s issuer, may issue certificates, and its key verifies `cert`. */
  issued(issuer: Candidate, cert: Candidate): boolean {
    if (issuer.subject !== cert.issuer) return false;
    const pair = `${issuer.key}>${cert.key}`;
    const known = this.checked.get(pair);
    if (known !== undefined) return known;
    if (this.exhausted) return false;
    this.remaining -= 1;
    let result: boolean;
    try {
      result = cert.x509.checkIssued(issuer.x509) && cert.x509.verify(issuer.x509.publicKey);
    } catch {
      // A key Node cannot use (an unknown curve) verifies nothing.
      result = false;
    }
    this.checked.set(pair, result);
    return result;
  }

  /**
   * The path that leads from `certificate` through CA certificates of `intermediates` to one of
   * `trusted`, each link verified: `[certificate, …, anchor]`, the anchor last (just
   * `[certificate]` when it is one of them); empty when there is none within MAX_PATH_LENGTH or
   * the budget. Breadth first, each certificate visited once: the shortest path, in time linear
   * in the issuer checks, however many certificates share a name and a key.
   */
  toTrusted(certificate: Uint8Array, intermediates: readonly Uint8Array[], trusted: readonly Uint8Array[]): Uint8Array[] {
    const start = candidateOf(certificate);
    if (!start) return [];
    const anchors = readable(trusted);
    const anchorKeys = new Set(anchors.map((a) => a.key));
    if (anchorKeys.has(start.key)) return [start.der];
    const bySubject = new Map<string, Candidate[]>();
    // Anchors first: where a trusted certificate and another one could both be the issuer, the path ends at once.
    for (const c of [...anchors, ...readable(intermediates).filter((c) => c.x509.ca && !anchorKeys.has(c.key))]) {
      bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
    }
    const nodes: { candidate: Candidate; parent: number; depth: number }[] = [{ candidate: start, parent: -1, depth: 0 }];
    const visited = new Set([start.key]);
    const pathTo = (index: number, anchor: Candidate): Uint8Array[] => {
      const path = [anchor.der];
      for (let i = index; i >= 0; i = (nodes[i] as (typeof nodes)[number]).parent) path.unshift((nodes[i] as (typeof nodes)[number]).candidate.der);
      return path;
    };
    for (let i = 0; i < nodes.length; i++) {
      const { candidate: node, depth } = nodes[i] as (typeof nodes)[number];
      if (depth >= MAX_PATH_LENGTH) continue;
      for (const issuer of bySubject.get(node.issuer) ?? []) {
        if (visited.has(issuer.key) && !anchorKeys.has(issuer.key)) continue;
        if (!this.issued(issuer, node)) {
          if (this.exhausted) return [];
          continue;
        }
        if (anchorKeys.has(issuer.key)) return pathTo(i, issuer);
        visited.add(issuer.key);
        nodes.push({ candidate: issuer, parent: i, depth: depth + 1 });
      }
    }
    return [];
  }

  /**
   * The certificates of `pool` that lead from `certificate` upwards, nearest issuer first, stopping
   * at a self-signed one or where no issuer is in the pool (the chain as embedded, not a trust decision).
   */
  issuerPath(certificate: Uint8Array, pool: readonly Uint8Array[]): Uint8Array[] {
    const start = candidateOf(certificate);
    if (!start) return [];
    const candidates = readable(pool).filter((c) => c.key !== start.key);
    const path: Candidate[] = [];
    let current = start;
    while (path.length < MAX_PATH_LENGTH && !this.issued(current, current)) {
      const next = candidates.find((c) => !path.includes(c) && this.issued(c, current));
      if (!next) break;
      path.push(next);
      current = next;
    }
    return path.map((c) => c.der);
  }
}

/**
 * The certificates of `pool` that lead from `certificate` upwards, nearest issuer first, stopping
 * at a self-signed one or where no issuer is in the pool.
 */
export function issuerPath(certificate: Uint8Array, pool: readonly Uint8Array[], search: PathSearch = new PathSearch()): Uint8Array[] {
  return search.issuerPath(certificate, pool);
}

/** `others` ordered for embedding: the issuer path of `certificate` first, then the rest. */
export function orderChain(certificate: Uint8Array, others: readonly Uint8Array[], search: PathSearch = new PathSearch()): Uint8Array[] {
  const path = issuerPath(certificate, others, search);
  return [...path, ...others.filter((der) => !path.some((p) => sameBytes(p, der)))];
}

/**
 * True when `certificate` is one of `trusted`, or a path of verified signatures leads from it
 * through CA certificates of `intermediates` to one of `trusted`.
 */
export function chainsToTrusted(certificate: Uint8Array, intermediates: readonly Uint8Array[], trusted: readonly Uint8Array[]): boolean {
  return new PathSearch().toTrusted(certificate, intermediates, trusted).length > 0;
}
