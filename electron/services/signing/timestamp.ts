// RFC 3161 timestamps: asking a timestamp authority (TSA) to certify that a signature value existed
// at a time (PAdES baseline T), and checking a token found in a signature (issue 6, "Signatures").
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { describeParsed } from './certificates';
import {
  Asn1Error,
  algorithmOf,
  childAt,
  childrenOf,
  DER_TRUE,
  encodingOf,
  integerBytesOf,
  isContextTag,
  objectIdentifier,
  octetsOf,
  octetString,
  parseAsn1,
  sameBytes,
  sequence,
  smallInteger,
  smallIntegerOf,
  tagged,
} from './der';
import { formatName } from './distinguishedNames';
import { hashOfOid, OID } from './oids';
import { signingCertificateMatch } from './signingCertificateAttribute';
import { checkSignerInfo, parseSignedData, signerCertificateOf } from './signedData';
import { SigningError, signingErrors } from './signingErrors';
import type { RefusedReason, UnreachableReason } from '../../../shared/domain/errorTexts/signing';

const DEFAULT_TSA_TIMEOUT_MS = 15_000;

/** A TSA reply larger than this is not a timestamp. */
const MAX_REPLY_BYTES = 1024 * 1024;

interface TstInfo {
  imprintAlgorithm: string;
  imprint: Uint8Array;
  genTime: Date;
  nonce: Uint8Array | null;
  /** The TSA's name as the token states it (GeneralName directoryName), or null. */
  tsaName: string | null;
}

/** RFC 3161 §2.4.2 TSTInfo. */
function parseTstInfo(der: Uint8Array): TstInfo {
  const [, , messageImprint, , genTime, ...optional] = childrenOf(parseAsn1(der, 'TSTInfo'), 'TSTInfo');
  const [algorithm, hashed] = childrenOf(messageImprint, 'MessageImprint');
  if (!(genTime instanceof asn1js.GeneralizedTime)) throw new Asn1Error('TSTInfo genTime');
  const nonce = optional.find((node) => node instanceof asn1js.Integer);
  const tsa = optional.find((node) => isContextTag(node, 0));
  const directoryName = tsa ? childAt(tsa, 0, 'tsa') : undefined;
  return {
    imprintAlgorithm: algorithmOf(algorithm, 'imprint algorithm').oid,
    imprint: octetsOf(hashed, 'hashedMessage'),
    genTime: genTime.toDate(),
    nonce: nonce ? integerBytesOf(nonce, 'nonce') : null,
    tsaName: directoryName && isContextTag(directoryName, 4) ? formatName(encodingOf(childAt(directoryName, 0, 'directoryName'))) : null,
  };
}

export interface TimestampCheck {
  genTime: Date;
  /** Who issued it: the TSA certificate's common name (or subject), else the name in the token. */
  authority: string;
  /** The token's imprint is the hash of `stampedData`. */
  imprintMatches: boolean;
  /** The TSA's signature over the token verifies, with a timeStamping certificate it names. */
  intact: boolean;
  imprintAlgorithm: string;
  imprint: Uint8Array;
  nonce: Uint8Array | null;
  /** The TSA's certificate (DER) the token names, and every certificate the token carries. */
  certificate: Uint8Array | null;
  certificates: Uint8Array[];
}

/** Checks an RFC 3161 TimeStampToken (ContentInfo DER) over `stampedData`; throws Asn1Error when unreadable. */
export function checkTimestampToken(token: Uint8Array, stampedData: Uint8Array): TimestampCheck {
  const signedData = parseSignedData(token);
  if (signedData.contentType !== OID.tstInfo || !signedData.content) throw new Asn1Error('the token holds no TSTInfo');
  const info = parseTstInfo(signedData.content);
  const imprintHash = hashOfOid(info.imprintAlgorithm);
  const imprintMatches = imprintHash !== null && sameBytes(info.imprint, createHash(imprintHash).update(stampedData).digest());

  const [signerInfo] = signedData.signerInfos;
  const certificate = signerInfo ? signerCertificateOf(signerInfo.sid, signedData.certificates) : null;
  let intact = false;
  if (signerInfo && certificate) {
    const contentHash = hashOfOid(signerInfo.digestAlgorithm);
    const check = contentHash ? checkSignerInfo(signerInfo, certificate, createHash(contentHash).update(signedData.content).digest()) : null;
    intact =
      check !== null &&
      check.digestMatches &&
      check.signature === 'valid' &&
      signedData.signerInfos.length === 1 &&
      (certificate.extendedKeyUsage?.includes(OID.timeStamping) ?? false) &&
      signingCertificateMatch(signerInfo.signedAttributes, certificate) !== 'mismatch';
  }
  const described = certificate ? describeParsed(certificate) : null;
  return {
    genTime: info.genTime,
    authority: described?.commonName || described?.subject || info.tsaName || '',
    imprintMatches,
    intact,
    imprintAlgorithm: info.imprintAlgorithm,
    imprint: info.imprint,
    nonce: info.nonce,
    certificate: certificate?.der ?? null,
    certificates: signedData.certificates,
  };
}

/** RFC 3161 §2.4.1 TimeStampReq: SHA-256 imprint, a nonce, and the TSA's certificate requested. */
function timestampRequest(imprint: Uint8Array, nonce: Uint8Array): Uint8Array {
  return sequence(
    smallInteger(1),
    sequence(sequence(objectIdentifier(OID.sha256)), octetString(imprint)),
    tagged(0x02, nonce),
    DER_TRUE,
  );
}

/** A positive 64-bit nonce whose first octet keeps the INTEGER minimal and positive. */
function newNonce(): Uint8Array {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x3f) | 0x40;
  return new Uint8Array(nonce);
}

/** RFC 3161 §2.4.2 TimeStampResp: the token when the status is granted (0) or grantedWithMods (1). */
function tokenOfReply(reply: Uint8Array): { token: Uint8Array } | { refused: RefusedReason } {
  const [statusInfo, token] = childrenOf(parseAsn1(reply, 'TimeStampResp'), 'TimeStampResp');
  const [status, ...details] = childrenOf(statusInfo, 'PKIStatusInfo');
  const code = smallIntegerOf(status, 'PKIStatus');
  if (code === 0 || code === 1) {
    if (!token) return { refused: { why: 'noToken' } };
    return { token: encodingOf(token) };
  }
  const text = details
    .filter((node) => node instanceof asn1js.Sequence)
    .flatMap((node) => childrenOf(node, 'PKIFreeText'))
    .map((node) => (node instanceof asn1js.Utf8String ? node.getValue() : ''))
    .join(' ');
  return { refused: { why: 'status', status: code, text } };
}

function unreachableReason(error: unknown, timeoutMs: number): UnreachableReason {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { why: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 };
  }
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (code === 'ECONNREFUSED') return { why: 'connectionRefused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { why: 'hostNotFound' };
  return { why: 'connection', detail: typeof code === 'string' ? code : error instanceof Error ? error.message : String(error) };
}

async function postQuery(url: string, query: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw signingErrors.tsaUnreachable(url, { why: 'badAddress' });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw signingErrors.tsaUnreachable(url, { why: 'scheme' });
  }
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: new Uint8Array(query),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const tooLarge = () => signingErrors.tsaRefused(url, { why: 'tooLarge' });
    if (response.status !== 200 || Number(response.headers.get('content-length') ?? 0) > MAX_REPLY_BYTES) {
      await response.body?.cancel();
      if (response.status === 200) throw tooLarge();
      throw signingErrors.tsaRefused(url, { why: 'http', status: response.status });
    }
    const reply = new Uint8Array(await response.arrayBuffer());
    if (reply.length > MAX_REPLY_BYTES) throw tooLarge();
    return reply;
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw signingErrors.tsaUnreachable(url, unreachableReason(e, timeoutMs));
  }
}

const notATimestamp = (url: string) => signingErrors.tsaRefused(url, { why: 'notTimestamp' });

/** The token of a granted reply and what it says; throws TSA_REFUSED. */
function readReply(url: string, reply: Uint8Array, data: Uint8Array): { token: Uint8Array; check: TimestampCheck } {
  let outcome: ReturnType<typeof tokenOfReply>;
  try {
    outcome = tokenOfReply(reply);
  } catch {
    throw notATimestamp(url);
  }
  if ('refused' in outcome) throw signingErrors.tsaRefused(url, outcome.refused);
  try {
    return { token: outcome.token, check: checkTimestampToken(outcome.token, data) };
  } catch {
    throw notATimestamp(url);
  }
}

/**
 * An RFC 3161 timestamp over `data`: request with a SHA-256 imprint, a random nonce and certReq,
 * POSTed as application/timestamp-query; the reply must be granted, carry our nonce and imprint,
 * and be signed by a timeStamping certificate. Returns the TimeStampToken (ContentInfo DER).
 * Throws TSA_UNREACHABLE (no connection, timeout) or TSA_REFUSED (refusal, bad reply).
 */
export async function requestTimestamp(url: string, data: Uint8Array, timeoutMs = DEFAULT_TSA_TIMEOUT_MS): Promise<Uint8Array> {
  const imprint = createHash('sha256').update(data).digest();
  const nonce = newNonce();
  const reply = await postQuery(url, timestampRequest(imprint, nonce), timeoutMs);
  const { token, check } = readReply(url, reply, data);
  if (!check.nonce || !sameBytes(check.nonce, nonce)) throw signingErrors.tsaRefused(url, { why: 'nonce' });
  if (check.imprintAlgorithm !== OID.sha256 || !sameBytes(check.imprint, imprint)) throw signingErrors.tsaRefused(url, { why: 'imprint' });
  if (!check.intact) throw signingErrors.tsaRefused(url, { why: 'signature' });
  return token;
}
