// The CMS SignedData inside a PAdES signature (ETSI EN 319 142-1 baseline B and T; DESIGN §1
// "Signatures are real"): detached, SHA-256, signed attributes exactly contentType, messageDigest
// and signingCertificateV2, never signing-time (PAdES puts the time in the PDF's /M); an RFC 3161
// signature timestamp as an unsigned attribute when a TSA is given.
import { X509Certificate } from 'node:crypto';
import { checkSigningCertificate, parseCertificate } from './certificates';
import {
  contextConstructed,
  DER_NULL,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  smallInteger,
  tagged,
} from './der';
import { OID } from './oids';
import { verifySignatureValue } from './signatureAlgorithms';
import type { Signer, SignerKeyType } from './signer';
import { signingCertificateV2 } from './signingCertificateAttribute';
import { SigningError, signingErrors } from './signingErrors';
import { requestTimestamp } from './timestamp';

// Building and checking are one subject for callers (pdfSignature, pdfVerify): checkCms lives in
// cmsCheck.ts and is offered here too.
export { checkCms, CMS_PROBLEMS, type CmsCheck, type CmsCheckOptions, type CmsProblem } from './cmsCheck';

export interface PadesCmsOptions {
  /** SHA-256 of the PDF's signed byte ranges. */
  digest: Uint8Array;
  signer: Signer;
  /** An RFC 3161 timestamp authority; without it the signature is baseline B. */
  timestampUrl?: string;
  /** How long to wait for the TSA. */
  timeoutMs?: number;
}

const SHA256_LENGTH = 32;

function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(objectIdentifier(type), setOf(value));
}

const DIGEST_ALGORITHM = sequence(objectIdentifier(OID.sha256));

const SIGNATURE_ALGORITHMS: Readonly<Record<SignerKeyType, Uint8Array>> = {
  RSA: sequence(objectIdentifier(OID.sha256WithRsa), DER_NULL),
  ECDSA: sequence(objectIdentifier(OID.ecdsaWithSha256)),
};

/** The signature over the signed attributes, checked against the certificate before it is used. */
async function signAttributes(signer: Signer, signedAttributes: Uint8Array): Promise<Uint8Array> {
  let signature: Uint8Array;
  try {
    signature = await signer.sign(signedAttributes);
  } catch (e) {
    if (e instanceof SigningError) throw e;
    const text = e instanceof Error ? e.message : String(e);
    throw signingErrors.signingFailed({ why: 'error', detail: text });
  }
  const verdict = verifySignatureValue({
    signatureAlgorithm: { oid: signer.keyType === 'RSA' ? OID.sha256WithRsa : OID.ecdsaWithSha256, params: undefined },
    digestAlgorithm: OID.sha256,
    data: signedAttributes,
    signature,
    publicKey: new X509Certificate(signer.certificate).publicKey,
  });
  if (verdict !== 'valid') {
    throw signingErrors.signingFailed({ why: 'keyMismatch' });
  }
  return signature;
}

/**
 * CMS SignedData (ContentInfo, DER) for PAdES baseline B, or T with `timestampUrl`. Refuses a
 * certificate that cannot sign now (CERT_*); signing and TSA failures throw SigningError
 * (SIGNING_FAILED, PIN_*, TOKEN_MISSING, TSA_UNREACHABLE, TSA_REFUSED).
 */
export async function buildPadesCms(options: PadesCmsOptions): Promise<Uint8Array> {
  const { digest, signer } = options;
  if (digest.length !== SHA256_LENGTH) {
    throw signingErrors.signingFailed({ why: 'digest' });
  }
  checkSigningCertificate(signer.certificate, new Date());
  const certificate = parseCertificate(signer.certificate);

  // RFC 5652 §5.4: the signature is over the DER SET OF; the SignerInfo carries it as [0] IMPLICIT.
  const signedAttributes = setOf(
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.messageDigest, octetString(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(certificate)),
  );
  const signature = await signAttributes(signer, signedAttributes);
  const implicitSignedAttributes = signedAttributes.slice();
  implicitSignedAttributes[0] = 0xa0;

  const unsignedAttributes = options.timestampUrl
    ? [
        contextConstructed(
          1,
          attribute(OID.signatureTimeStampToken, await requestTimestamp(options.timestampUrl, signature, options.timeoutMs)),
        ),
      ]
    : [];

  const signerInfo = sequence(
    smallInteger(1),
    sequence(certificate.issuerDer, tagged(0x02, certificate.serial)),
    DIGEST_ALGORITHM,
    implicitSignedAttributes,
    SIGNATURE_ALGORITHMS[signer.keyType],
    octetString(signature),
    ...unsignedAttributes,
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(DIGEST_ALGORITHM),
    sequence(objectIdentifier(OID.data)),
    // The signer's certificate first: some verifiers take the first one as the signer's.
    contextConstructed(0, signer.certificate, ...signer.chain),
    setOf(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), contextConstructed(0, signedData));
}
