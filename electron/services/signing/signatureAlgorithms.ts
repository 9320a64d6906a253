// Verifying a CMS signature value with a certificate's public key, for the algorithms signers use:
// RSA PKCS#1 v1.5 (named either way CMS allows), RSASSA-PSS and ECDSA, with SHA-1 … SHA-512.
import { constants, verify, type KeyObject } from 'node:crypto';
import { algorithmOf, childrenOf, isContextTag, smallIntegerOf, type AlgorithmIdentifier } from './der';
import { hashOfOid, OID, type HashName } from './oids';

/** Signature algorithms that name their hash; rsaEncryption and ecPublicKey take the digest algorithm's. */
const HASH_OF_SIGNATURE: Readonly<Record<string, HashName>> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha224WithRsa]: 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/** How Node verifies a signature algorithm: its hash, and for RSASSA-PSS the salt length. */
interface VerifyPlan {
  hash: HashName;
  pssSaltLength?: number;
}

/** RFC 4055 RSASSA-PSS-params: [0] hash DEFAULT sha1, [1] mgf, [2] saltLength DEFAULT 20. */
function pssPlan(params: AlgorithmIdentifier['params']): VerifyPlan | null {
  let hash: HashName | null = 'sha1';
  let saltLength = 20;
  for (const field of params ? childrenOf(params, 'RSASSA-PSS-params') : []) {
    const [value] = childrenOf(field, 'RSASSA-PSS-params field');
    if (isContextTag(field, 0)) hash = hashOfOid(algorithmOf(value, 'PSS hash').oid);
    if (isContextTag(field, 2)) saltLength = smallIntegerOf(value, 'PSS salt length');
  }
  return hash ? { hash, pssSaltLength: saltLength } : null;
}

function planFor(signature: AlgorithmIdentifier, digestOid: string): VerifyPlan | null {
  if (signature.oid === OID.rsaPss) return pssPlan(signature.params);
  const named = HASH_OF_SIGNATURE[signature.oid];
  if (named) return { hash: named };
  if (signature.oid === OID.rsaEncryption || signature.oid === OID.ecPublicKey) {
    const hash = hashOfOid(digestOid);
    return hash ? { hash } : null;
  }
  return null;
}

/**
 * 'valid' or 'invalid' for a signature over `data`, or 'unsupported' when the algorithm is one we
 * cannot check (then nothing is claimed either way).
 */
export function verifySignatureValue(options: {
  signatureAlgorithm: AlgorithmIdentifier;
  digestAlgorithm: string;
  data: Uint8Array;
  signature: Uint8Array;
  publicKey: KeyObject;
}): 'valid' | 'invalid' | 'unsupported' {
  const plan = planFor(options.signatureAlgorithm, options.digestAlgorithm);
  if (!plan) return 'unsupported';
  const key =
    plan.pssSaltLength === undefined
      ? options.publicKey
      : { key: options.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: plan.pssSaltLength };
  try {
    return verify(plan.hash, options.data, key, options.signature) ? 'valid' : 'invalid';
  } catch {
    // A signature value of the wrong shape for the key (a truncated ECDSA value) is simply not valid.
    return 'invalid';
  }
}
