// Password-based keys and decryption of a PKCS#12 file: the PKCS#12 key derivation (RFC 7292
// appendix B) for the integrity MAC and the legacy pbeWithSHAAnd… schemes (Windows exports,
// `openssl pkcs12 -legacy`), and PBES2 with PBKDF2 (RFC 8018), OpenSSL 3's default.
import type * as asn1js from 'asn1js';
import { createDecipheriv, createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { algorithmOf, childrenOf, octetsOf, smallIntegerOf, type AlgorithmIdentifier } from './der';
import { hashOfOid, OID, type HashName } from './oids';
import { rc2CbcDecrypt } from './rc2';

/** More iterations than this are refused rather than run: a planted file must not hang the app. */
const MAX_ITERATIONS = 10_000_000;

/** Thrown for an algorithm we do not implement (as opposed to a wrong password). */
export class UnsupportedAlgorithmError extends Error {
  constructor(readonly oid: string) {
    super(`Unsupported algorithm ${oid}`);
    this.name = 'UnsupportedAlgorithmError';
  }
}

/**
 * One way of turning the typed password into bytes. The PKCS#12 KDF takes a BMPString with two
 * trailing zero bytes; PBES2 takes UTF-8. OpenSSL before 1.1 encoded each UTF-8 byte of a
 * non-ASCII password as its own BMP character, and an empty password may have been written as no
 * bytes at all: `passwordForms` lists every form a file may have been made with.
 */
export interface PasswordForm {
  bmp: Buffer;
  utf8: Buffer;
}

export function passwordForms(password: string): PasswordForm[] {
  const utf8 = Buffer.from(password, 'utf8');
  const bmpOf = (units: string) => Buffer.concat([Buffer.from(units, 'utf16le').swap16(), Buffer.alloc(2)]);
  const forms: PasswordForm[] = [{ bmp: bmpOf(password), utf8 }];
  const legacy = utf8.toString('latin1');
  if (legacy !== password) forms.push({ bmp: bmpOf(legacy), utf8 });
  if (password === '') forms.push({ bmp: Buffer.alloc(0), utf8 });
  return forms;
}

const BLOCK_BYTES: Readonly<Record<HashName, number>> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/** The purposes of RFC 7292 B.3: 1 key, 2 IV, 3 MAC key. */
type KdfPurpose = 1 | 2 | 3;

/** RFC 7292 appendix B.2: `length` bytes derived from the BMP password and the salt. */
function pkcs12Kdf(
  hash: HashName,
  password: Buffer,
  salt: Uint8Array,
  purpose: KdfPurpose,
  iterations: number,
  length: number,
): Buffer {
  const v = BLOCK_BYTES[hash];
  const diversifier = Buffer.alloc(v, purpose);
  const repeatTo = (bytes: Uint8Array) => {
    const out = Buffer.alloc(v * Math.ceil(bytes.length / v));
    for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.length]!;
    return out;
  };
  const input = Buffer.concat([repeatTo(salt), repeatTo(password)]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; ) {
    let a = createHash(hash).update(diversifier).update(input).digest();
    for (let i = 1; i < iterations; i++) a = createHash(hash).update(a).digest();
    blocks.push(a);
    produced += a.length;
    const b = repeatTo(a);
    for (let offset = 0; offset < input.length; offset += v) addBlock(input, offset, b);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** input[offset .. offset+b.length] += b + 1, as big-endian integers modulo 2^(8·v). */
function addBlock(input: Buffer, offset: number, b: Buffer): void {
  let carry = 1;
  for (let i = b.length - 1; i >= 0; i--) {
    const sum = input[offset + i]! + b[i]! + carry;
    input[offset + i] = sum & 0xff;
    carry = sum >> 8;
  }
}

/** The MacData of a PFX (RFC 7292 §4): its digest algorithm, expected MAC, salt, iterations. */
export interface MacData {
  hash: HashName;
  mac: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

export function readMacData(node: asn1js.AsnType | undefined): MacData {
  const [digestInfo, salt, iterations] = childrenOf(node, 'MacData');
  const [algorithm, mac] = childrenOf(digestInfo, 'DigestInfo');
  const { oid } = algorithmOf(algorithm, 'MAC digest');
  const hash = hashOfOid(oid);
  if (!hash) throw new UnsupportedAlgorithmError(oid);
  return {
    hash,
    mac: octetsOf(mac, 'MAC'),
    salt: octetsOf(salt, 'MAC salt'),
    iterations: iterations ? checkedIterations(smallIntegerOf(iterations, 'MAC iterations')) : 1,
  };
}

/** RFC 7292 §4 / B.3: the HMAC of `content` under the MAC key derived from the password (purpose 3). */
export function pkcs12Mac(hash: HashName, password: PasswordForm, salt: Uint8Array, iterations: number, content: Uint8Array): Buffer {
  const keyLength = createHash(hash).digest().length;
  const key = pkcs12Kdf(hash, password.bmp, salt, 3, iterations, keyLength);
  return createHmac(hash, key).update(content).digest();
}

/** True when the HMAC of `content` under the password's MAC key equals the stored MAC. */
export function macMatches(macData: MacData, password: PasswordForm, content: Uint8Array): boolean {
  return pkcs12Mac(macData.hash, password, macData.salt, macData.iterations, content).equals(Buffer.from(macData.mac));
}

function checkedIterations(iterations: number): number {
  if (iterations < 1 || iterations > MAX_ITERATIONS) throw new UnsupportedAlgorithmError(`iterations=${iterations}`);
  return iterations;
}

/** PKCS#12 appendix C schemes: Node cipher (or RC2), key and IV sizes. */
const PKCS12_PBE: Readonly<Record<string, { cipher: string; keyLength: number; ivLength: number; rc2Bits?: number }>> = {
  [OID.pbeSha1TripleDes]: { cipher: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  [OID.pbeSha1TwoKeyTripleDes]: { cipher: 'des-ede-cbc', keyLength: 16, ivLength: 8 },
  [OID.pbeSha1Rc2_128]: { cipher: 'rc2-cbc', keyLength: 16, ivLength: 8, rc2Bits: 128 },
  [OID.pbeSha1Rc2_40]: { cipher: 'rc2-cbc', keyLength: 5, ivLength: 8, rc2Bits: 40 },
};

const PBES2_CIPHERS: Readonly<Record<string, { cipher: string; keyLength: number }>> = {
  [OID.aes128Cbc]: { cipher: 'aes-128-cbc', keyLength: 16 },
  [OID.aes192Cbc]: { cipher: 'aes-192-cbc', keyLength: 24 },
  [OID.aes256Cbc]: { cipher: 'aes-256-cbc', keyLength: 32 },
  [OID.desEde3Cbc]: { cipher: 'des-ede3-cbc', keyLength: 24 },
};

const PBKDF2_PRF: Readonly<Record<string, HashName>> = {
  [OID.hmacWithSha1]: 'sha1',
  [OID.hmacWithSha224]: 'sha224',
  [OID.hmacWithSha256]: 'sha256',
  [OID.hmacWithSha384]: 'sha384',
  [OID.hmacWithSha512]: 'sha512',
};

/**
 * Decrypts `ciphertext` encrypted under `algorithm` with the password. Throws
 * UnsupportedAlgorithmError for a scheme we do not implement, and another Error when the
 * password does not decrypt it (bad padding).
 */
export function decryptWithPassword(algorithm: AlgorithmIdentifier, ciphertext: Uint8Array, password: PasswordForm): Buffer {
  if (algorithm.oid === OID.pbes2) return decryptPbes2(algorithm, ciphertext, password);
  const scheme = PKCS12_PBE[algorithm.oid];
  if (!scheme) throw new UnsupportedAlgorithmError(algorithm.oid);
  const [salt, iterations] = childrenOf(algorithm.params, 'pkcs-12PbeParams');
  const saltBytes = octetsOf(salt, 'PBE salt');
  const count = checkedIterations(smallIntegerOf(iterations, 'PBE iterations'));
  const key = pkcs12Kdf('sha1', password.bmp, saltBytes, 1, count, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', password.bmp, saltBytes, 2, count, scheme.ivLength);
  if (scheme.rc2Bits) return Buffer.from(rc2CbcDecrypt(key, scheme.rc2Bits, iv, ciphertext));
  return decipher(scheme.cipher, key, iv, ciphertext);
}

function decryptPbes2(algorithm: AlgorithmIdentifier, ciphertext: Uint8Array, password: PasswordForm): Buffer {
  const [kdfNode, schemeNode] = childrenOf(algorithm.params, 'PBES2-params');
  const kdf = algorithmOf(kdfNode, 'PBES2 key derivation');
  if (kdf.oid !== OID.pbkdf2) throw new UnsupportedAlgorithmError(kdf.oid);
  const encryption = algorithmOf(schemeNode, 'PBES2 encryption scheme');
  const cipher = PBES2_CIPHERS[encryption.oid];
  if (!cipher) throw new UnsupportedAlgorithmError(encryption.oid);

  // PBKDF2-params: salt, iterationCount, keyLength OPTIONAL, prf DEFAULT hmacWithSHA1.
  const [salt, iterations, ...optional] = childrenOf(kdf.params, 'PBKDF2-params');
  const prfNode = optional.find((node) => node.idBlock.tagNumber === 16);
  const prfOid = prfNode ? algorithmOf(prfNode, 'PBKDF2 prf').oid : OID.hmacWithSha1;
  const prf = PBKDF2_PRF[prfOid];
  if (!prf) throw new UnsupportedAlgorithmError(prfOid);
  const key = pbkdf2Sync(
    password.utf8,
    octetsOf(salt, 'PBKDF2 salt'),
    checkedIterations(smallIntegerOf(iterations, 'PBKDF2 iterations')),
    cipher.keyLength,
    prf,
  );
  return decipher(cipher.cipher, key, octetsOf(encryption.params, 'IV'), ciphertext);
}

function decipher(cipher: string, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer {
  const d = createDecipheriv(cipher, key, iv);
  return Buffer.concat([d.update(ciphertext), d.final()]);
}
